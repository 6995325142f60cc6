using NetworkSync.Application.Context;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Domain.Relationships.JobChanges;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// The per-mailbox index against the plain definition, worked out by scanning every message and event
/// of a generated mailbox for each person: the index must give the same answers without the scan.
/// </summary>
public sealed class DemoMailboxContextTests(DemoMailboxFixture fixture) : IClassFixture<DemoMailboxFixture>
{
    private static readonly DateTimeOffset AsOf = DemoMailboxFixture.AsOf;

    [Fact]
    public async Task A_cold_or_dormant_persons_context_names_the_best_introducer_the_plain_finder_gives_and_a_warm_one_none()
    {
        var scored = await fixture.Services.Scores.GetSnapshotAsync(fixture.Mailbox, AsOf, CancellationToken.None);
        var activity = scored.Activity;
        var muted = activity.Overrides.Where(o => o.Is(ContactOverrideKind.Muted)).Select(o => o.Address).ToHashSet(StringComparer.Ordinal);
        var withPath = 0;
        foreach (var person in scored.Contacts)
        {
            var context = (await fixture.Services.Contexts.GetAsync(fixture.Mailbox, person.Address, CancellationToken.None))!;
            var needsPath = !person.Automated && !muted.Contains(person.Address) && (person.Dormant || person.Tier == WarmthTier.Cold.ToWire());
            var paths = needsPath
                ? IntroductionFinder.Find(person.Address, activity.Owner, activity.Messages, activity.Events, scored.Contacts, scored.AsOf, new IntroductionOptions { Muted = muted })
                : [];
            var best = paths.Count > 0 ? paths[0] : null;

            Assert.Equal(best?.Address, context.WarmPath?.Address);
            Assert.Equal(best?.Explanation, context.WarmPath?.Explanation);
            withPath += context.WarmPath is null ? 0 : 1;
        }

        Assert.True(withPath > 0, "no cold or dormant person in the demo mailbox has a warm path: the test proves nothing");
    }

    [Fact]
    public async Task The_demos_former_colleagues_have_moved_on_from_contoso_and_nobody_else_has()
    {
        var scored = await fixture.Services.Scores.GetSnapshotAsync(fixture.Mailbox, AsOf, CancellationToken.None);
        var activity = scored.Activity;
        var moved = new List<PersonJobChange>();
        foreach (var person in scored.Contacts)
        {
            var addresses = PersonIndex.AddressesOf(person).ToHashSet(StringComparer.Ordinal);
            var context = (await fixture.Services.Contexts.GetAsync(fixture.Mailbox, person.Address, CancellationToken.None))!;

            // The plain definition: every message each of the person's addresses sent, by scanning the mailbox.
            var spans = activity.Messages
                .Where(m => m.From is { } from && addresses.Contains(from.Address) && m.ReceivedAt <= AsOf && !m.IsDraft)
                .GroupBy(m => m.From!.Address)
                .Select(g => new SenderSpan(g.Key, g.Min(m => m.ReceivedAt), g.Max(m => m.ReceivedAt)));
            var expected = person.Automated || addresses.Count == 1 ? null : JobChangeDetector.Detect(spans);

            Assert.Equal(expected is null ? null : PersonJobChange.Of(expected), context.JobChange);
            if (context.JobChange is { } change)
            {
                moved.Add(change);
            }
        }

        // The demo's job changers are its former colleagues: from the owner's organisation to a new employer.
        Assert.NotEmpty(moved);
        Assert.All(moved, m => Assert.Equal(("Contoso", "contoso.example"), (m.From, m.FromDomain)));
        Assert.All(moved, m => Assert.NotEqual("contoso.example", m.ToDomain));
    }

    [Fact]
    public async Task Every_persons_context_matches_a_scan_of_the_whole_mailbox()
    {
        var scored = await fixture.Services.Scores.GetSnapshotAsync(fixture.Mailbox, AsOf, CancellationToken.None);
        var activity = scored.Activity;
        var people = scored.Contacts;
        var owing = 0;
        foreach (var person in people)
        {
            var addresses = PersonIndex.AddressesOf(person).ToHashSet(StringComparer.Ordinal);
            var context = (await fixture.Services.Contexts.GetAsync(fixture.Mailbox, person.Address, CancellationToken.None))!;

            Assert.Equal(ScannedTimeline(activity.Messages, activity.Events, activity.Owner, addresses), context.Timeline.Select(t => (t.At, t.Kind, t.Subject)).ToList());
            var (upcoming, recent) = ScannedMeetings(activity.Events, activity.Owner, addresses);
            Assert.Equal(upcoming, context.Meetings.Upcoming.Select(m => m.Id));
            Assert.Equal(recent, context.Meetings.Recent.Select(m => m.Id));
            var owes = ScannedOwesReply(activity.Messages, activity.Owner, addresses) && !person.Automated;
            Assert.True(owes == context.Flags.OwesReply, $"owesReply of {person.Address}: expected {owes}");
            owing += owes ? 1 : 0;
            Assert.Equal((person.Sent, person.Received, person.Meetings), (context.Interactions.Sent, context.Interactions.Received, context.Interactions.Meetings));
            if (person.LastContact is { } last)
            {
                Assert.True(context.Timeline[0].At >= last);
            }
        }

        // The mailbox must hold both answers, or the comparison above proves little.
        Assert.InRange(owing, 1, people.Count(p => !p.Automated) - 1);
        Assert.Contains(people, p => p.OtherAddresses.Count > 0);
    }

    [Fact]
    public async Task An_alias_in_the_demo_resolves_to_its_person_and_the_owners_aliases_are_left_out()
    {
        var scored = await fixture.Services.Scores.GetSnapshotAsync(fixture.Mailbox, AsOf, CancellationToken.None);
        var merged = scored.Contacts.First(c => c.OtherAddresses.Count > 0 && !c.Automated);
        var alias = merged.OtherAddresses[0];
        var ownAlias = fixture.Mailbox.Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries).First();
        var someone = scored.Contacts.First(c => !c.Automated && c.OtherAddresses.Count == 0).Address;

        var batch = await fixture.Services.Contexts.GetManyAsync(fixture.Mailbox, [alias, fixture.Mailbox.Mail, ownAlias, someone, alias], CancellationToken.None);

        Assert.Equal(2, batch.People.Count);
        var viaAlias = Assert.Single(batch.People, p => p.Address == alias);
        Assert.Equal((merged.Warmth, merged.DisplayName), (viaAlias.Warmth, viaAlias.DisplayName));
        Assert.Contains(merged.Address, viaAlias.OtherAddresses);
        Assert.Equal(batch.People.OrderByDescending(p => p.Warmth).Select(p => p.Address), batch.People.Select(p => p.Address));
    }

    [Fact]
    public async Task A_batch_is_warmest_first_with_unknown_addresses_last()
    {
        var scored = await fixture.Services.Scores.GetSnapshotAsync(fixture.Mailbox, AsOf, CancellationToken.None);
        var real = scored.Contacts.Where(c => !c.Automated).ToList();
        var asked = new[] { real[^1].Address, "first.time@nowhere.example", real[0].Address, real[real.Count / 2].Address, real[3].Address };

        var batch = await fixture.Services.Contexts.GetManyAsync(fixture.Mailbox, asked, CancellationToken.None);

        Assert.Equal([real[0].Address, real[3].Address, real[real.Count / 2].Address, real[^1].Address, "first.time@nowhere.example"], batch.People.Select(p => p.Address));
        Assert.Equal([real[0].Warmth, real[3].Warmth, real[real.Count / 2].Warmth, real[^1].Warmth, 0], batch.People.Select(p => p.Warmth));
    }

    [Fact]
    public async Task A_listing_page_is_the_same_slice_of_the_scores()
    {
        var scored = await fixture.Services.Scores.GetAsync(fixture.Mailbox, AsOf, includeAutomated: false, CancellationToken.None);

        var page = await fixture.Services.Listing.ListAsync(fixture.Mailbox, ContactListFilter.Warmest, null, 10, 10, CancellationToken.None);

        Assert.Equal(scored.Count, page.Total);
        Assert.Equal(scored.Skip(10).Take(10).Select(c => c.Address), page.Items.Select(i => i.Address));
        Assert.Equal(scored.Skip(10).Take(10).Select(c => c.Warmth), page.Items.Select(i => i.Warmth));
    }

    /// <summary>Every message and held meeting with the person, by the domain's extractor, newest first, ten at most.</summary>
    private static List<(DateTimeOffset, string, string?)> ScannedTimeline(IReadOnlyList<MessageMetadata> messages, IReadOnlyList<EventMetadata> events, MailboxIdentity owner, HashSet<string> addresses)
    {
        var found = new List<(DateTimeOffset At, string? Id, InteractionDirection Direction, string? Subject)>();
        var sink = new List<Interaction>();
        foreach (var message in messages)
        {
            sink.Clear();
            InteractionExtractor.FromMessage(message, owner, sink);
            found.AddRange(sink.Where(i => addresses.Contains(i.ContactAddress) && i.At <= AsOf).Select(i => (i.At, i.SourceId, i.Direction, message.Subject)));
        }

        foreach (var meeting in events)
        {
            sink.Clear();
            InteractionExtractor.FromEvent(meeting, owner, AsOf, sink);
            found.AddRange(sink.Where(i => addresses.Contains(i.ContactAddress)).Select(i => (i.At, i.SourceId, i.Direction, meeting.Subject)));
        }

        return found
            .DistinctBy(f => (f.Id, f.Direction))
            .OrderByDescending(f => f.At).ThenBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Direction)
            .Take(10)
            .Select(f => (f.At, PersonProfile.KindOf(f.Direction), f.Subject))
            .ToList();
    }

    /// <summary>Meetings with the person that the owner takes part in and that go ahead: the next five and the last five held.</summary>
    private static (List<string>, List<string>) ScannedMeetings(IReadOnlyList<EventMetadata> events, MailboxIdentity owner, HashSet<string> addresses)
    {
        var with = events.Where(e => !e.IsCancelled && e.Response != AttendeeResponse.Declined && e.Type != "seriesMaster"
            && ((e.Organizer is { } o && addresses.Contains(o.Address) && !owner.IsOwn(o.Address))
                || e.Attendees.Any(a => a.Kind != AttendeeKind.Resource && a.Response != AttendeeResponse.Declined && addresses.Contains(a.Who.Address)))).ToList();
        var upcoming = with.Where(e => e.End > AsOf).OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).Take(5).Select(e => e.Id).ToList();
        var recent = with.Where(e => e.End <= AsOf).OrderByDescending(e => e.End).ThenBy(e => e.Id, StringComparer.Ordinal).Take(5).Select(e => e.Id).ToList();
        return (upcoming, recent);
    }

    /// <summary>Their latest mail naming the owner in To, in a thread, within 30 days, newer than the owner's latest mail to them.</summary>
    private static bool ScannedOwesReply(IReadOnlyList<MessageMetadata> messages, MailboxIdentity owner, HashSet<string> addresses)
    {
        var theirs = messages
            .Where(m => !m.IsDraft && m.From is { } f && addresses.Contains(f.Address) && m.ConversationId is not null && m.ReceivedAt <= AsOf
                && m.Recipients.Any(r => r.Role == RecipientRole.To && owner.IsOwn(r.Who.Address)))
            .Select(m => (DateTimeOffset?)m.ReceivedAt).Max();
        var mine = messages
            .Where(m => !m.IsDraft && owner.IsOwn(m.From?.Address) && m.SentAt <= AsOf && m.Recipients.Any(r => addresses.Contains(r.Who.Address)))
            .Select(m => (DateTimeOffset?)m.SentAt).Max();
        return theirs is { } t && AsOf - t <= TimeSpan.FromDays(30) && (mine is not { } s || s < t);
    }
}
