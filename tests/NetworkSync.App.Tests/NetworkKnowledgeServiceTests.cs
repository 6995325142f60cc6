using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Sync;
using NetworkSync.DemoData;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests;

/// <summary>The dashboard asks for the figures on every visit: callers arriving during a measurement share it.</summary>
public sealed class NetworkKnowledgeServiceTests
{
    [Fact]
    public async Task Callers_arriving_while_a_backtest_runs_wait_for_it_and_a_cancelled_caller_does_not_stop_it()
    {
        var fixture = CliRunner.TempPath("fixture");
        DemoFixtureWriter.Write(fixture, new DemoMailboxOptions { Contacts = 120 });
        var asOf = new DemoMailboxOptions().AsOf;
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("knowledge.db") });
        await database.MigrateAsync(CancellationToken.None);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, new FixedTimeProvider(asOf))).Succeeded);
        var mailbox = (await new MailboxStore(database).ListMailboxesAsync(CancellationToken.None)).Single();
        await using var services = TestCore.Build(database, new FixedTimeProvider(asOf));
        var knowledge = services.GetRequiredService<NetworkKnowledgeService>();

        // The first caller has already gone when it asks: it still starts the measurement, and its leaving
        // must not stop it. A fit and four backtest fits take long enough for the next two callers to arrive
        // during them.
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var first = knowledge.GetAsync(mailbox, asOf, refresh: false, gone.Token);
        var second = knowledge.GetAsync(mailbox, asOf, refresh: false, CancellationToken.None);
        var daily = knowledge.GetAsync(mailbox, asOf, refresh: true, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var views = await Task.WhenAll(second, daily);
        Assert.Same(views[0], views[1]);
        Assert.NotNull(views[0].Backtest.Auc);

        // Once measured, the figures are kept; a refresh measures anew.
        Assert.Same(views[0], await knowledge.GetAsync(mailbox, asOf, refresh: false, CancellationToken.None));
        Assert.NotSame(views[0], await knowledge.GetAsync(mailbox, asOf, refresh: true, CancellationToken.None));
    }
}
