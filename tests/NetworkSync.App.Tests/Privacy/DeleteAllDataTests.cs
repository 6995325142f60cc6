using System.Globalization;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Common;
using Microsoft.Data.Sqlite;
using NetworkSync.App.Jobs;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Domain.FollowUps;
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
        await harness.Mailbox.SyncAsync();
        foreach (var id in new[] { dana.Id, EveId })
        {
            harness.Jobs.AddOrUpdate(MailboxSyncJob.JobId(id), Job.FromExpression(() => Console.WriteLine()), "*/15 * * * *", new RecurringJobOptions());
            harness.Jobs.AddOrUpdate(FollowUpJob.JobId(id), Job.FromExpression(() => Console.WriteLine()), "*/5 * * * *", new RecurringJobOptions());
        }

        var danaList = TodoList(harness, dana.Id)!;
        Assert.Contains(harness.Mailbox.Tenant.GetTodoTasks(dana.Id, danaList), t => FollowUpMailbox.ExternalId(t) == danaFollowUp.Id);
        Assert.Contains(harness.Mailbox.Tenant.GetTodoTasks(EveId, TodoList(harness, EveId)!), t => FollowUpMailbox.ExternalId(t) == eveFollowUp.Id);
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
        Assert.Equal(
            [FollowUpJob.JobId(EveId), MailboxSyncJob.JobId(EveId)],
            harness.Jobs.Jobs.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await harness.Scorer.ListAsync(dana, Now, includeAutomated: true, CancellationToken.None));
    }

    /// <summary>Every table of the database, with the column naming its mailbox; fails on a table with none.</summary>
    private static List<(string Table, string Column)> MailboxTables(PrivacyHarness harness)
    {
        using var connection = new SqliteConnection(harness.Database.ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' ORDER BY name;";
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
        using var connection = new SqliteConnection(mailbox.Database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM SyncStates WHERE MailboxId = 'directory';";
        command.ExecuteNonQuery();
    }
}
