using Microsoft.Extensions.Options;
using NetworkSync.App.Features.Sync;
using NetworkSync.App.Hosting;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync sync`: one sync of every mailbox through the real Graph client, against the
/// emulator serving --fixture or against the configured tenant. Progress and the summary go to stderr.
/// </summary>
public static class SyncCommand
{
    public static async Task<int> RunAsync(ParsedArguments args, CancellationToken cancellationToken)
    {
        var time = CliServices.ClockFor(args);
        using var loggerFactory = CliServices.CreateLoggerFactory();
        var databasePath = args.Get("--db")!;
        var graphOptions = AppConfiguration.Build().GetSection(GraphOptions.SectionName).Get<GraphOptions>() ?? new GraphOptions();
        var fixture = args.Get("--fixture");
        if (fixture is null && string.IsNullOrWhiteSpace(graphOptions.TenantId) && graphOptions.AuthMode != GraphAuthMode.Emulator)
        {
            throw new ExpectedFailureException("no tenant is configured (Graph:TenantId, Graph:ClientId, Graph__ClientSecret); pass --fixture <dir> to sync a fixture instead");
        }

        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = databasePath });
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var progress = new ConsoleProgress();
        SyncRunSummary summary;
        if (fixture is not null)
        {
            await Console.Error.WriteLineAsync($"Loading fixture {Path.GetFullPath(fixture)} ...").ConfigureAwait(false);
            summary = await FixtureSync.RunAsync(fixture, database, graphOptions, time, loggerFactory, progress, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var coordinator = new SyncCoordinator(Options.Create(graphOptions), database, time, loggerFactory);
            summary = await coordinator.SyncAllAsync(progress, cancellationToken).ConfigureAwait(false);
        }

        foreach (var failed in summary.Mailboxes.Where(m => !m.Succeeded))
        {
            await Console.Error.WriteLineAsync($"networksync: mailbox {failed.Mail} failed: {failed.Error}").ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync(summary.ToSummaryLine()).ConfigureAwait(false);
        return summary.Succeeded ? 0 : 1;
    }

    /// <summary>Writes a line per finished collection and every 10 pages, synchronously, to stderr.</summary>
    private sealed class ConsoleProgress : IProgress<SyncProgress>
    {
        private readonly Lock gate = new();

        public void Report(SyncProgress value)
        {
            if (!value.Completed && value.Pages % 10 != 0)
            {
                return;
            }

            lock (gate)
            {
                Console.Error.WriteLine(value.Completed
                    ? $"  {value.Collection,-20} done: {value.Items} items in {value.Pages} pages"
                    : $"  {value.Collection,-20} {value.Items} items, {value.Pages} pages ...");
            }
        }
    }
}
