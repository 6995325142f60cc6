using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.App.Tests.Storage;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Sync;
using NetworkSync.DemoData;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests;

public sealed class ContactOverrideTests
{
    [Theory]
    [StorageProviders]
    public async Task Mute_and_mark_as_person_stick_across_a_full_resync(StorageProvider provider)
    {
        var fixture = CliRunner.TempPath("fixture");
        var summary = DemoFixtureWriter.Write(fixture, new DemoMailboxOptions { Contacts = 50 });
        var asOf = new DemoMailboxOptions().AsOf;
        using var database = await TestDatabases.CreateAsync(provider, "overrides");
        var time = new FixedTimeProvider(asOf);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, time)).Succeeded);
        var mailbox = (await new MailboxStore(database).ListMailboxesAsync(CancellationToken.None)).Single();
        await using var services = TestCore.Build(database, time);
        var service = services.GetRequiredService<ContactListingService>();
        var before = await service.ListAsync(mailbox, asOf, includeAutomated: true, CancellationToken.None);
        var warmest = before.First(c => !c.Automated).Address;
        var robot = before.First(c => c.Automated).Address;

        var store = new ContactOverrideStore(database);
        await store.SetAsync(new ContactOverrideRow { MailboxId = summary.UserId, Address = warmest, Kind = "muted" }, CancellationToken.None);
        await store.SetAsync(new ContactOverrideRow { MailboxId = summary.UserId, Address = robot, Kind = "person" }, CancellationToken.None);

        // A new database state from scratch: forget the delta links so the next sync enumerates everything again.
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM SyncStates;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, time)).Succeeded);
        var listed = await service.ListAsync(mailbox, asOf, includeAutomated: false, CancellationToken.None);

        Assert.DoesNotContain(listed, c => c.Address == warmest);
        Assert.Contains(listed, c => c.Address == robot);
    }
}
