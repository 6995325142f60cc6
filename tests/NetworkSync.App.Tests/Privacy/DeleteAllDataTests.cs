using System.Globalization;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.App.Jobs;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Domain.FollowUps;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Privacy;

public sealed class DeleteAllDataTests
{
    private const string EveId = "u-eve";
    private const string Eve = "eve@contoso.example";

    [Fact]
    public async Task Deleting_all_data_leaves_no_row_of_the_mailbox_in_any_table_and_other_mailboxes_untouched()
    {
        await using var harness = await PrivacyHarness.StartAsync(addToGraph: AddEve);
        var dana = await harness.MailboxRowAsync();
        Assert.NotNull(await harness.MailboxRowAsync(EveId));

        // Give both mailboxes follow-ups with To Do tasks, and Dana an override and settings of her own.
        var danaFollowUp = await harness.AddManualFollowUpAsync("Send Ana the deck", Ana);
        var eveFollowUp = FollowUpLifecycle.CreateManual(EveId, Guid.NewGuid(), [Ana], "Call Ana", Now.AddDays(2), Now);
        await harness.Runner.AddAsync(EveId, eveFollowUp, Now, CancellationToken.None);
        await new ContactOverrideStore(harness.Database).SetAsync(new() { MailboxId = dana.Id, Address = Robot, Kind = "muted" }, CancellationToken.None);
        await new ContactOverrideStore(harness.Database).SetAsync(new() { MailboxId = EveId, Address = Robot, Kind = "muted" }, CancellationToken.None);
        await new MailboxSettingsStore(harness.Database).UpdateAsync(dana.Id, r => r.DormantDays = 90, Now, CancellationToken.None);
        AddSubscription(harness, "sub-dana", dana.Id);
        AddSubscription(harness, "sub-eve", EveId);
        await harness.Mailbox.SyncAsync();
        foreach (var id in new[] { dana.Id, EveId })
        {
            harness.Jobs.AddOrUpdate(MailboxSyncJob.JobId(id), Job.FromExpression(() => Console.WriteLine()), "*/15 * * * *", new RecurringJobOptions());
            harness.Jobs.AddOrUpdate(FollowUpJob.JobId(id), Job.FromExpression(() => Console.WriteLine()), "*/5 * * * *", new RecurringJobOptions());
        }

        var danaList = TodoList(harness, dana.Id)!;
        Assert.Contains(harness.Mailbox.Tenant.GetTodoTasks(dana.Id, danaList), t => FollowUpMailbox.ExternalId(t) == danaFollowUp.Id);
        Assert.Contains(harness.Mailbox.Tenant.GetTodoTasks(EveId, TodoList(harness, EveId)!), t => FollowUpMailbox.ExternalId(t) == eveFollowUp.Id);
        // A notified sync pending for each (the instance coordination's row of it).
        var pending = new NetworkSync.Storage.Coordination.PendingSyncs(harness.Database, new NetworkSync.Storage.Coordination.CoordinationOptions(), harness.Mailbox.Clock);
        Assert.True(await pending.TryClaimAsync(dana.Id, CancellationToken.None));
        Assert.True(await pending.TryClaimAsync(EveId, CancellationToken.None));

        var tables = MailboxTables(harness);
        foreach (var (table, column) in tables)
        {
            Assert.True(harness.CountRows(table, column, dana.Id) > 0, $"{table} has no row of Dana's to delete: the test proves nothing for it");
        }

        var eveBefore = tables.ToDictionary(t => t.Table, t => harness.CountRows(t.Table, t.Column, EveId));

        var deleted = await harness.Privacy.DeleteAllAsync(dana, CancellationToken.None);

        foreach (var (table, column) in tables)
        {
            Assert.Equal(0, harness.CountRows(table, column, dana.Id));
            Assert.Equal(eveBefore[table], harness.CountRows(table, column, EveId));
            Assert.True(deleted[table] > 0, table);
        }

        Assert.DoesNotContain(harness.Mailbox.Tenant.GetTodoLists(dana.Id), l => (string?)l["displayName"] == "NetworkSync follow-ups");
        Assert.Contains(harness.Mailbox.Tenant.GetTodoTasks(EveId, TodoList(harness, EveId)!), t => FollowUpMailbox.ExternalId(t) == eveFollowUp.Id);

        // The opt-out: one row, the hash of Dana's user id and nothing else; lifting someone else's leaves it.
        Assert.Equal([(OptOutStore.Hash(dana.Id), Now.ToUnixTimeMilliseconds())], OptOuts(harness));
        Assert.DoesNotContain(dana.Id, OptOuts(harness)[0].Hash, StringComparison.Ordinal);
        Assert.False(await harness.Privacy.ResumeSyncAsync(EveId, CancellationToken.None));
        Assert.Single(OptOuts(harness));
        Assert.Equal(
            [FollowUpJob.JobId(EveId), MailboxSyncJob.JobId(EveId)],
            harness.Jobs.Jobs.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await harness.Scorer.ListAsync(dana, Now, includeAutomated: true, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_all_data_while_a_sync_runs_waits_for_it_and_nothing_comes_back_until_sync_resumes()
    {
        await using var harness = await PrivacyHarness.StartAsync();
        var dana = await harness.MailboxRowAsync();
        var followUp = await harness.AddManualFollowUpAsync("Send Ana the deck", Ana);
        await harness.Mailbox.SyncAsync();
        Assert.Contains(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == followUp.Id);

        // New mail for the next sync to write, and Dana's Graph reads slowed, so that the sync (and the
        // follow-up pass after it) is still running when the deletion is asked for; the deletion's own To Do
        // requests are not slowed, so without the lock it would finish first and the sync write after it.
        harness.Mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, "inbox", new JsonObject
        {
            ["id"] = "late-1",
            ["sentDateTime"] = "2026-06-10T09:00:00Z",
            ["receivedDateTime"] = "2026-06-10T09:00:00Z",
            ["subject"] = "Arrives during the deletion",
            ["conversationId"] = "late",
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Ben Bauer", ["address"] = Ben } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Dana", ["address"] = FollowUpMailbox.Dana } }),
        });
        harness.Mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(400), Mailbox = FollowUpMailbox.UserId, Method = "GET", Times = 12 });
        var sync = harness.Mailbox.SyncAsync();
        await Eventually.WaitUntilAsync(() => harness.CountRows("Mailboxes", "Id", dana.Id, "LastSyncStatus = 'running'") == 1);
        Assert.False(sync.IsCompleted, "the sync finished before the deletion was asked for: the test proves nothing");

        await harness.Privacy.DeleteAllAsync(dana, CancellationToken.None);

        // The deletion waited for the sync (and its follow-up pass), then deleted what they wrote.
        var syncDone = sync.IsCompleted;
        await sync;
        AssertNothingOf(harness, dana.Id);
        Assert.True(syncDone, "the deletion did not wait for the sync");
        Assert.DoesNotContain(harness.Mailbox.Tenant.GetTodoLists(dana.Id), l => (string?)l["displayName"] == "NetworkSync follow-ups");

        // Nothing brings it back: a sync that lists the directory (no mailbox is known), a sync of the
        // mailbox row a job still holds, and the recurring follow-up job.
        await harness.Mailbox.SyncAsync();
        AssertNothingOf(harness, dana.Id);
        var skipped = await harness.Mailbox.Coordinator.SyncMailboxAsync(dana, null, CancellationToken.None);
        Assert.True(skipped.Skipped);
        await new FollowUpJob(harness.Mailbox.Coordinator, harness.Mailbox.Pass, NullLogger<FollowUpJob>.Instance).RunAsync(dana.Id, CancellationToken.None);
        AssertNothingOf(harness, dana.Id);

        // Resuming lifts the opt-out and forgets when the directory was listed (it was, just now), so the
        // next sync lists it again: Dana is found and synced from scratch.
        Assert.Equal(1, harness.CountRows("SyncStates", "MailboxId", "directory"));
        Assert.True(await harness.Privacy.ResumeSyncAsync(dana.Id, CancellationToken.None));
        Assert.Empty(OptOuts(harness));
        Assert.Equal(0, harness.CountRows("SyncStates", "MailboxId", "directory"));
        await harness.Mailbox.SyncAsync();
        Assert.Equal(1, harness.CountRows("Mailboxes", "Id", dana.Id));
        Assert.True(harness.CountRows("Messages", "MailboxId", dana.Id, "Id = 'late-1'") == 1);
    }

    [Fact]
    public async Task A_follow_up_action_that_arrives_after_the_deletion_writes_nothing()
    {
        await using var harness = await PrivacyHarness.StartAsync();
        var dana = await harness.MailboxRowAsync();
        var kept = await harness.AddManualFollowUpAsync("Before the deletion", Ben);
        Assert.Equal(1, harness.CountRows("FollowUps", "MailboxId", dana.Id, $"Id = '{kept.Id}'"));

        await harness.Privacy.DeleteAllAsync(dana, CancellationToken.None);

        // As the API's POST /api/followups would store it, had its request raced the deletion.
        await harness.AddManualFollowUpAsync("After the deletion", Ben);
        AssertNothingOf(harness, dana.Id);
    }

    private static void AssertNothingOf(PrivacyHarness harness, string mailboxId)
    {
        foreach (var (table, column) in MailboxTables(harness))
        {
            Assert.True(harness.CountRows(table, column, mailboxId) == 0, $"{table} has rows of the deleted mailbox");
        }

        Assert.Equal([OptOutStore.Hash(mailboxId)], OptOuts(harness).Select(o => o.Hash));
    }

    private static List<(string Hash, long At)> OptOuts(PrivacyHarness harness)
    {
        using var connection = new SqliteConnection(((SqliteDatabase)harness.Database).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT UserIdHash, OptedOutMs FROM OptedOutMailboxes ORDER BY UserIdHash;";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>A change-notification subscription row of the mailbox's (the table is the notifications feature's).</summary>
    private static void AddSubscription(PrivacyHarness harness, string id, string mailboxId)
    {
        using var connection = new SqliteConnection(((SqliteDatabase)harness.Database).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Subscriptions (Id, MailboxId, Collection, ClientStateHash, ExpiresMs, CreatedMs) VALUES ($id, $m, 'messages', $h, 0, 0);";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$m", mailboxId);
        command.Parameters.AddWithValue("$h", OptOutStore.Hash(id));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Every table of the database holding a mailbox's rows, with the column naming its mailbox; fails on a
    /// table with none. OptedOutMailboxes is the exception: it names no mailbox, only a hash of a user id.
    /// </summary>
    private static List<(string Table, string Column)> MailboxTables(PrivacyHarness harness)
    {
        using var connection = new SqliteConnection(((SqliteDatabase)harness.Database).ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' AND name <> 'OptedOutMailboxes' ORDER BY name;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new List<(string, string)>();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}');";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }

            var column = columns.Contains("MailboxId") ? "MailboxId" : table == "Mailboxes" ? "Id" : null;
            Assert.True(column is not null, $"table {table} has no mailbox column: decide how deleting a mailbox clears it");
            result.Add((table, column!));
        }

        return result;
    }

    private static string? TodoList(PrivacyHarness harness, string userId) =>
        harness.Mailbox.Tenant.GetTodoLists(userId).FirstOrDefault(l => (string?)l["displayName"] == "NetworkSync follow-ups")?["id"]?.GetValue<string>();

    /// <summary>A second mailbox, Eve's, with mail from Ana; the directory is listed again so the next sync finds her.</summary>
    private static void AddEve(FollowUpMailbox mailbox)
    {
        mailbox.Tenant.AddUser(new JsonObject { ["id"] = EveId, ["mail"] = Eve, ["userPrincipalName"] = Eve, ["displayName"] = "Eve Example" });
        mailbox.Tenant.SetMailboxSettings(EveId, mailbox.Tenant.GetMailboxSettings(FollowUpMailbox.UserId).DeepClone().AsObject());
        mailbox.Tenant.UpsertMessage(EveId, "inbox", new JsonObject
        {
            ["id"] = "eve-1",
            ["sentDateTime"] = At("2026-06-01T09:00:00Z").ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["receivedDateTime"] = At("2026-06-01T09:00:00Z").ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["subject"] = "Hello Eve",
            ["conversationId"] = "eve",
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Ana Abe", ["address"] = Ana } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Eve", ["address"] = Eve } }),
        });
        mailbox.Meeting("ev-dana-only", At("2026-06-03T15:00:00Z"), TimeSpan.FromHours(1), "Dana's meeting", Ben);
        using var connection = new SqliteConnection(((SqliteDatabase)mailbox.Database).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM SyncStates WHERE MailboxId = 'directory';";
        command.ExecuteNonQuery();
    }
}
