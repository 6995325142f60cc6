using NetworkSync.Domain.FollowUps;
using NetworkSync.GraphEmulator;

namespace NetworkSync.App.Tests.FollowUps;

/// <summary>Follow-ups mirrored into Microsoft To Do through the emulator, over real HTTP, both ways.</summary>
public sealed class TodoRoundTripTests
{
    private const string Ana = "ana.abe@fabrikam.example";
    private const string Bo = "bo.berg@fabrikam.example";
    private const string Cy = "cy.cole@northwind.example";

    // Tuesday 2 June 2026, 19:00 UTC (noon in Los Angeles, Dana's zone).
    private static readonly DateTimeOffset Tuesday = new(2026, 6, 2, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_open_follow_up_gets_one_task_in_its_own_list_and_resyncs_add_nothing()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana, Bo);
        mailbox.Meeting("e2", Tuesday.AddHours(-4), TimeSpan.FromHours(1), "Intro", Cy);

        await mailbox.SyncAsync();

        var followUps = await mailbox.FollowUpsAsync();
        Assert.Equal(2, followUps.Count);
        Assert.Single(mailbox.Tenant.GetTodoLists(FollowUpMailbox.UserId), l => (string?)l["displayName"] == "NetworkSync follow-ups");
        var task = mailbox.TaskFor(followUps.Single(f => f.EventId == "e1").Id);
        Assert.Equal("Follow up with ana.abe (and 1 other) after 'Proposal review'", (string?)task["title"]);
        Assert.Equal("notStarted", (string?)task["status"]);

        // Due Wednesday 09:00 in Los Angeles, written in Dana's own zone as To Do shows it.
        Assert.Equal("2026-06-03T09:00:00.0000000", (string?)task["dueDateTime"]!["dateTime"]);
        Assert.Equal("Pacific Standard Time", (string?)task["dueDateTime"]!["timeZone"]);
        Assert.Equal("NetworkSync", (string?)task["linkedResources"]![0]!["applicationName"]);
        Assert.StartsWith("https://outlook.office.com/calendar/item/", (string?)task["linkedResources"]![0]!["webUrl"], StringComparison.Ordinal);

        mailbox.Emulator.Requests.Clear();
        for (var i = 0; i < 5; i++)
        {
            mailbox.Clock.Now = Tuesday.AddMinutes(5 * (i + 1));
            await mailbox.SyncAsync();
        }

        Assert.Equal(2, mailbox.Tasks.Count);
        Assert.Single(mailbox.Tenant.GetTodoLists(FollowUpMailbox.UserId), l => (string?)l["displayName"] == "NetworkSync follow-ups");

        // Each re-sync costs To Do only its delta round-trip: no list lookups, no writes.
        var todoRequests = mailbox.Emulator.Requests.Snapshot().Where(r => r.Endpoint is >= EndpointKind.TodoLists and <= EndpointKind.TodoLinkedResources).ToList();
        Assert.Equal(5, todoRequests.Count);
        Assert.All(todoRequests, r => Assert.Equal((EndpointKind.TodoTasksDelta, "GET"), (r.Endpoint, r.Method)));
    }

    [Fact]
    public async Task Completing_a_task_in_todo_completes_the_follow_up_and_acting_here_completes_the_task()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        mailbox.Meeting("e2", Tuesday.AddHours(-4), TimeSpan.FromHours(1), "Intro", Cy);
        await mailbox.SyncAsync();
        var followUps = await mailbox.FollowUpsAsync();
        var first = followUps.Single(f => f.EventId == "e1");
        var second = followUps.Single(f => f.EventId == "e2");

        mailbox.Tenant.CompleteTodoTask(FollowUpMailbox.UserId, mailbox.ListId, (string)mailbox.TaskFor(first.Id)["id"]!);
        await mailbox.ChangeAsync(second.Id, r => FollowUpLifecycle.Dismiss(r, Tuesday));
        await mailbox.PassAsync();

        var after = await mailbox.FollowUpsAsync();
        Assert.Equal((FollowUpStatus.Done, FollowUpResolution.TodoCompleted), (after.Single(f => f.Id == first.Id).Status, after.Single(f => f.Id == first.Id).Resolution));
        Assert.Equal("completed", (string?)mailbox.TaskFor(second.Id)["status"]);
        Assert.Equal(FollowUpStatus.Dismissed, after.Single(f => f.Id == second.Id).Status);

        // Reopened here: the task is open again in To Do.
        await mailbox.ChangeAsync(second.Id, FollowUpLifecycle.Reopen);
        await mailbox.PassAsync();
        Assert.Equal("notStarted", (string?)mailbox.TaskFor(second.Id)["status"]);
        Assert.Equal(2, mailbox.Tasks.Count);
    }

    [Fact]
    public async Task A_snooze_moves_the_due_date_and_a_cancelled_meeting_deletes_its_task()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        await mailbox.SyncAsync();
        var followUp = Assert.Single(await mailbox.FollowUpsAsync());

        await mailbox.ChangeAsync(followUp.Id, r => FollowUpLifecycle.Snooze(r, Tuesday, new DateTimeOffset(2026, 6, 8, 16, 0, 0, TimeSpan.Zero)));
        await mailbox.PassAsync();
        Assert.Equal("2026-06-08T09:00:00.0000000", (string?)mailbox.TaskFor(followUp.Id)["dueDateTime"]!["dateTime"]);

        mailbox.CancelMeeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        mailbox.Clock.Now = Tuesday.AddMinutes(10);
        await mailbox.SyncAsync();

        Assert.Empty(mailbox.Tasks);
        Assert.Equal(FollowUpStatus.Withdrawn, Assert.Single(await mailbox.FollowUpsAsync()).Status);
    }

    [Fact]
    public async Task A_task_deleted_in_todo_dismisses_its_follow_up_for_good()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        await mailbox.SyncAsync();
        var followUp = Assert.Single(await mailbox.FollowUpsAsync());

        mailbox.Tenant.DeleteTodoTask(FollowUpMailbox.UserId, mailbox.ListId, (string)mailbox.TaskFor(followUp.Id)["id"]!);
        await mailbox.PassAsync();
        await mailbox.SyncAsync();

        var after = Assert.Single(await mailbox.FollowUpsAsync());
        Assert.Equal((FollowUpStatus.Dismissed, FollowUpResolution.TodoDeleted), (after.Status, after.Resolution));
        Assert.Empty(mailbox.Tasks);
    }

    [Theory]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.TruncatedJson)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.GatewayTimeout)]
    public async Task A_create_whose_answer_is_lost_is_adopted_not_repeated(FaultKind fault)
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        mailbox.Meeting("e2", Tuesday.AddHours(-4), TimeSpan.FromHours(1), "Intro", Cy);
        await mailbox.SyncMetadataAsync();
        mailbox.Emulator.Faults.Add(new FaultRule { Kind = fault, Endpoint = EndpointKind.TodoTasks, Method = "POST", AfterCommit = true, Times = 1, RetryAfter = "0" });

        // One create's answer is lost, but the task exists: the delta read after the writes adopts it.
        var first = await mailbox.PassAsync();

        Assert.True(first!.Succeeded, first.Error);
        Assert.Equal((1, 1), (first.Created, first.Adopted));
        Assert.Single(mailbox.Emulator.Requests.Snapshot(), r => r.Fault is not null);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await mailbox.PassAsync())!.Created);
        }

        Assert.Equal(2, mailbox.Tasks.Count);
        var followUps = await mailbox.FollowUpsAsync();
        foreach (var followUp in followUps)
        {
            var row = await mailbox.RowAsync(followUp.Id);
            Assert.False(row.TodoCreatePending);
            Assert.Equal((string?)mailbox.TaskFor(followUp.Id)["id"], row.TodoTaskId);
        }
    }

    [Fact]
    public async Task A_create_refused_before_it_happened_is_made_on_the_next_pass()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        await mailbox.SyncMetadataAsync();
        mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Endpoint = EndpointKind.TodoTasks, Method = "POST", Times = 1, RetryAfter = "0" });

        // A 503 to a POST is not retried blindly (it might have happened): the pass reports the doubt.
        var first = await mailbox.PassAsync();
        Assert.False(first!.Succeeded);
        Assert.Contains("could not be confirmed", first.Error, StringComparison.Ordinal);
        Assert.Empty(mailbox.Tasks);
        Assert.True((await mailbox.RowAsync((await mailbox.FollowUpsAsync()).Single().Id)).TodoCreatePending);

        var retry = await mailbox.PassAsync();
        Assert.Equal((1, 0), (retry!.Created, retry.Adopted));
        Assert.Single(mailbox.Tasks);
    }

    [Fact]
    public async Task Throttled_creates_are_retried_in_place_and_random_faults_never_duplicate()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        for (var i = 0; i < 8; i++)
        {
            mailbox.Meeting($"e{i}", Tuesday.AddHours(-2 - i), TimeSpan.FromMinutes(30), $"Meeting {i}", $"p{i}@fabrikam.example");
        }

        await mailbox.SyncMetadataAsync();

        mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Endpoint = EndpointKind.TodoTasks, Method = "POST", Times = 2, RetryAfter = "0.05" });
        mailbox.Emulator.Faults.RandomAfterCommitShare = 0.5;
        mailbox.Emulator.Faults.UseRandom(seed: 7, probability: 0.3, FaultKind.DropConnection, FaultKind.ServiceUnavailable, FaultKind.TruncatedJson);

        for (var pass = 0; pass < 12; pass++)
        {
            await mailbox.PassAsync();
        }

        Assert.Contains(mailbox.Emulator.Requests.Snapshot(), r => r.Fault is not null && r.Method == "POST");
        mailbox.Emulator.Faults.Clear();
        var last = await mailbox.PassAsync();

        Assert.True(last!.Succeeded, last.Error);
        var followUps = await mailbox.FollowUpsAsync();
        Assert.Equal(8, followUps.Count(f => f.Kind == FollowUpKind.AfterMeeting));
        Assert.Equal(followUps.Count(f => f.IsActive), mailbox.Tasks.Count);
        Assert.Equal(mailbox.Tasks.Count, mailbox.Tasks.Select(FollowUpMailbox.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task A_restart_or_a_deleted_list_never_leads_to_duplicates()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Meeting("e1", Tuesday.AddHours(-2), TimeSpan.FromHours(1), "Proposal review", Ana);
        mailbox.Meeting("e2", Tuesday.AddHours(-4), TimeSpan.FromHours(1), "Intro", Cy);
        await mailbox.SyncAsync();

        mailbox.Restart();
        await mailbox.SyncAsync();
        Assert.Equal(2, mailbox.Tasks.Count);

        // The user deletes the whole list: a new one is made, with one task per open follow-up.
        var oldList = mailbox.ListId;
        await mailbox.DeleteListAsync(oldList);
        await mailbox.PassAsync();
        await mailbox.PassAsync();

        Assert.NotEqual(oldList, mailbox.ListId);
        Assert.Equal(2, mailbox.Tasks.Count);
        Assert.Equal(2, mailbox.Tasks.Select(FollowUpMailbox.ExternalId).Distinct().Count());
    }
}
