using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.App.Jobs;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Sync;
using NetworkSync.DemoData;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests;

public sealed class WarmthModelJobTests
{
    [Fact]
    public async Task The_daily_job_fits_each_mailbox_on_its_own_history_and_measures_it()
    {
        var fixture = CliRunner.TempPath("fixture");
        DemoFixtureWriter.Write(fixture, new DemoMailboxOptions { Contacts = 60 });
        var asOf = new DemoMailboxOptions().AsOf;
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("model-job.db") });
        await database.MigrateAsync(CancellationToken.None);
        var time = new FixedTimeProvider(asOf);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, time)).Succeeded);
        var mailboxes = new MailboxStore(database);
        var mailbox = (await mailboxes.ListMailboxesAsync(CancellationToken.None)).Single();
        await using var services = TestCore.Build(database, time);
        var scorer = services.GetRequiredService<ContactListingService>();
        var scores = services.GetRequiredService<ContactScoreCache>();
        var knowledge = services.GetRequiredService<NetworkKnowledgeService>();
        var job = new WarmthModelJob(mailboxes, scorer, scores, knowledge, time, NullLogger<WarmthModelJob>.Instance);

        await job.RunAsync(CancellationToken.None);

        var measured = await knowledge.GetAsync(mailbox, asOf, refresh: false, CancellationToken.None);
        Assert.Equal(nameof(WarmthModelSource.Fitted), measured.Model);
        Assert.StartsWith("fitted on this mailbox", measured.ModelReason, StringComparison.Ordinal);
        Assert.Equal(asOf, measured.MeasuredAt);
        Assert.NotNull(measured.Backtest.Auc);
        var (_, model) = scorer.ScoreAll(await scorer.LoadAsync(mailbox, CancellationToken.None), asOf);
        Assert.Equal(WarmthModelSource.Fitted, model.Source);
    }
}
