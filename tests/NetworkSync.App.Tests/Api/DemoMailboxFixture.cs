using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Application.Sync;
using NetworkSync.DemoData;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests.Api;

/// <summary>A generated demo mailbox (60 contacts), synced once through the emulator for tests that only read.</summary>
public sealed class DemoMailboxFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset AsOf = new DemoMailboxOptions().AsOf;

    internal NetworkApiServices Services { get; private set; } = null!;

    internal MailboxRow Mailbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var fixture = CliRunner.TempPath("fixture");
        DemoFixtureWriter.Write(fixture, new DemoMailboxOptions { Contacts = 60 });
        var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("demo.db") });
        await database.MigrateAsync(CancellationToken.None);
        var time = new FixedTimeProvider(AsOf);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, time)).Succeeded);
        Services = new NetworkApiServices(database, time);
        Mailbox = await Services.MailboxAsync();
    }

    public Task DisposeAsync()
    {
        Services.Dispose();
        Services.Database.Dispose();
        return Task.CompletedTask;
    }
}
