using NetworkSync.App.Tests.FollowUps;
using NetworkSync.App.Tests.Storage;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Privacy;

public sealed class RetentionTests
{
    // 100 days before HandBuiltNetwork.Now (10 June 2026 12:00 UTC).
    private static readonly DateTimeOffset Cutoff = At("2026-03-02T12:00:00Z");

    [Theory]
    [StorageProviders]
    public async Task Retention_deletes_exactly_what_is_older_than_the_cutoff_and_scores_follow(StorageProvider provider)
    {
        await using var harness = await PrivacyHarness.StartAsync(provider, retentionDays: 100, addToGraph: mailbox =>
        {
            mailbox.Meeting("ev-old", At("2026-03-02T11:00:00Z"), TimeSpan.FromMinutes(59), "Ends a minute before", Gina);
            mailbox.Meeting("ev-edge", At("2026-03-02T11:00:00Z"), TimeSpan.FromHours(1), "Ends at the cutoff", Gina);
        });
        var clock = harness.Mailbox.Clock;
        var mailbox = await harness.MailboxRowAsync();
        Assert.Equal(Cutoff, harness.Privacy.CutoffAt(clock.Now));

        // Follow-ups made and closed in the past.
        clock.Now = At("2026-02-01T09:00:00Z");
        var oldOpen = await harness.AddManualFollowUpAsync("Old, still open", Hal);
        var closedLate = await harness.AddManualFollowUpAsync("Old, closed after the cutoff", Hal);
        var closedEarly = await harness.AddManualFollowUpAsync("Old, closed before the cutoff", Hal);
        await harness.Runner.ChangeAsync(mailbox.Id, closedEarly.Id, r => FollowUpLifecycle.Complete(r, At("2026-02-15T09:00:00Z")), At("2026-02-15T09:00:00Z"), CancellationToken.None);
        await harness.Runner.ChangeAsync(mailbox.Id, closedLate.Id, r => FollowUpLifecycle.Complete(r, At("2026-04-01T09:00:00Z")), At("2026-04-01T09:00:00Z"), CancellationToken.None);
        clock.Now = Now;
        var recent = await harness.AddManualFollowUpAsync("Recent", Ana);

        var reader = new MetadataReader(harness.Database);
        var messagesBefore = await reader.ReadMessagesAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        var eventsBefore = await reader.ReadEventsAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        var expectedMessages = messagesBefore.Where(m => m.SentAt >= Cutoff || m.ReceivedAt >= Cutoff).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        var expectedEvents = eventsBefore.Where(e => e.End >= Cutoff).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Hal, (await harness.Scores.GetAsync(mailbox, Now, includeAutomated: true, CancellationToken.None)).Select(c => c.Address));
        Assert.Equal(1, harness.CountRows("WarmthModels", "MailboxId", mailbox.Id));

        var result = await harness.Privacy.ApplyRetentionAsync(mailbox, CancellationToken.None);

        // The warmth model was learnt from the deleted mail: its stored row goes with it.
        Assert.Equal(0, harness.CountRows("WarmthModels", "MailboxId", mailbox.Id));

        var messagesAfter = await reader.ReadMessagesAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        var eventsAfter = await reader.ReadEventsAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        Assert.Equal(expectedMessages, messagesAfter.Select(m => m.Id).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expectedEvents, eventsAfter.Select(e => e.Id).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(messagesBefore.Count - expectedMessages.Count, result.Messages);
        Assert.Equal(eventsBefore.Count - expectedEvents.Count, result.Events);

        // The boundary: at the cutoff stays, a moment before goes.
        Assert.Contains("fred-2-1", messagesAfter.Select(m => m.Id));
        Assert.DoesNotContain("fred-2-0", messagesAfter.Select(m => m.Id));
        Assert.DoesNotContain("ana-0-0", messagesAfter.Select(m => m.Id));
        Assert.Contains("ana-0-1", messagesAfter.Select(m => m.Id));
        Assert.Contains("ev-edge", eventsAfter.Select(e => e.Id));
        Assert.DoesNotContain("ev-old", eventsAfter.Select(e => e.Id));
        Assert.DoesNotContain(messagesAfter, m => m.Id.StartsWith("hal-", StringComparison.Ordinal));

        var followUps = (await new FollowUpStore(harness.Database).ListAsync(mailbox.Id, CancellationToken.None)).Select(f => f.Id).ToHashSet();
        Assert.Equal(2, result.FollowUps);
        Assert.Contains(recent.Id, followUps);
        Assert.Contains(closedLate.Id, followUps);
        Assert.DoesNotContain(oldOpen.Id, followUps);
        Assert.DoesNotContain(closedEarly.Id, followUps);

        // The cached scores are those of the data left: Hal (only older mail) is gone, Fred (one message at the cutoff) stays.
        var cached = await harness.Scores.GetAsync(mailbox, Now, includeAutomated: true, CancellationToken.None);
        var fresh = await harness.Scorer.ListAsync(mailbox, Now, includeAutomated: true, CancellationToken.None);
        Assert.Equal(fresh.Select(c => (c.Address, c.Warmth)), cached.Select(c => (c.Address, c.Warmth)));
        Assert.DoesNotContain(Hal, cached.Select(c => c.Address));
        Assert.Contains(Fred, cached.Select(c => c.Address));
        Assert.DoesNotContain(Hal, await harness.ContactAddressesAsync());

        // A second run finds nothing more; a delta re-sync of the unchanged mailbox brings nothing back.
        Assert.Equal(new RetentionResult(0, 0, 0), await harness.Privacy.ApplyRetentionAsync(mailbox, CancellationToken.None));
        await harness.Mailbox.SyncMetadataAsync();
        Assert.Equal(expectedMessages.Count, (await reader.CountAsync(mailbox.Id, CancellationToken.None)).Messages);
    }

    [Fact]
    public async Task Retention_deletes_the_To_Do_tasks_of_the_follow_ups_it_deletes()
    {
        await using var harness = await PrivacyHarness.StartAsync(retentionDays: 100);
        var clock = harness.Mailbox.Clock;
        var mailbox = await harness.MailboxRowAsync();
        clock.Now = At("2026-02-01T09:00:00Z");
        var old = await harness.AddManualFollowUpAsync("Old, still open", Hal);
        clock.Now = Now;
        var recent = await harness.AddManualFollowUpAsync("Recent", Ana);
        await harness.Mailbox.PassAsync();
        Assert.Contains(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == old.Id);
        Assert.Contains(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == recent.Id);

        var result = await harness.Privacy.ApplyRetentionAsync(mailbox, CancellationToken.None);

        Assert.True(result.FollowUps >= 1);
        var tasks = harness.Mailbox.Tenant.GetTodoTasks(FollowUpMailbox.UserId, harness.Mailbox.ListId);
        Assert.DoesNotContain(tasks, t => FollowUpMailbox.ExternalId(t) == old.Id);
        Assert.Contains(tasks, t => FollowUpMailbox.ExternalId(t) == recent.Id);

        // The next pass finds nothing to redo: the deleted follow-up's task is not re-created.
        await harness.Mailbox.PassAsync();
        Assert.DoesNotContain(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == old.Id);
        Assert.Equal(0, harness.CountRows("FollowUps", "MailboxId", mailbox.Id, $"Id = '{old.Id}'"));
    }

    [Fact]
    public async Task Retention_of_zero_days_keeps_everything()
    {
        await using var harness = await PrivacyHarness.StartAsync(retentionDays: 0);
        var mailbox = await harness.MailboxRowAsync();
        var before = await new MetadataReader(harness.Database).CountAsync(mailbox.Id, CancellationToken.None);

        Assert.Null(harness.Privacy.CutoffAt(Now));
        Assert.Equal(new RetentionResult(0, 0, 0), await harness.Privacy.ApplyRetentionAsync(mailbox, CancellationToken.None));
        Assert.Equal(before, await new MetadataReader(harness.Database).CountAsync(mailbox.Id, CancellationToken.None));
    }
}
