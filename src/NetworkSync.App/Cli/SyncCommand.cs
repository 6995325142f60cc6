using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Demo;
using NetworkSync.Application;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync sync`: one sync of every mailbox through the real Graph client, against the
/// emulator serving --fixture or against the configured tenant. Progress and the summary go to stderr.
/// </summary>
public static class SyncCommand
{
    public static async Task<int> RunAsync(SyncArguments args, CancellationToken cancellationToken)
    {
        var time = CliServices.ClockFor(args.AsOf);
        var databasePath = args.Database;
        var fixture = args.Fixture;
        if (fixture is null)
        {
            var graphOptions = AppConfiguration.Build().GetSection(GraphOptions.SectionName).Get<GraphOptions>() ?? new GraphOptions();
            if (string.IsNullOrWhiteSpace(graphOptions.TenantId) && graphOptions.AuthMode != GraphAuthMode.Emulator)
            {
                throw new ExpectedFailureException("no tenant is configured (Graph:TenantId, Graph:ClientId, Graph__ClientSecret); pass --fixture <dir> to sync a fixture instead");
            }
        }
        else
        {
            await Console.Error.WriteLineAsync($"Loading fixture {Path.GetFullPath(fixture)} ...").ConfigureAwait(false);
        }

        await using var fixtureGraph = fixture is null ? null : await FixtureSync.ServeAsync(fixture, cancellationToken).ConfigureAwait(false);

        // The emulator a fixture sync starts lives only for this run: there is no lasting To Do to write to.
        var mode = new RunMode(Demo: fixture is not null, TodoAvailable: fixture is null);
        await using var services = CliServices.Create(databasePath, time, mode, verb =>
        {
            if (fixtureGraph is not null)
            {
                verb.PostConfigure<GraphOptions>(fixtureGraph.PointAt);
            }

            // The follow-up pass still runs after each mailbox's sync, saying what it changed.
            verb.RemoveAll<IAfterMailboxSync>();
            verb.AddSingleton<IAfterMailboxSync>(sp => new FollowUpReporter(sp.GetRequiredService<FollowUpPass>()));
        });
        await services.GetRequiredService<NetworkSyncDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        var progress = new ConsoleProgress();
        var summary = await services.GetRequiredService<SyncCoordinator>().SyncAllAsync(progress, cancellationToken).ConfigureAwait(false);

        foreach (var failed in summary.Mailboxes.Where(m => !m.Succeeded))
        {
            await Console.Error.WriteLineAsync($"networksync: mailbox {failed.Mail} failed: {failed.Error}").ConfigureAwait(false);
        }

        await Console.Error.WriteLineAsync(summary.ToSummaryLine()).ConfigureAwait(false);
        return summary.Succeeded ? 0 : 1;
    }

    /// <summary>Runs the follow-up pass after each mailbox's sync and says what it changed, on stderr.</summary>
    private sealed class FollowUpReporter(FollowUpPass pass) : IAfterMailboxSync
    {
        public async Task RunAsync(MailboxRow mailbox, NetworkSync.Sync.GraphConnection graph, CancellationToken cancellationToken)
        {
            var result = await pass.RunPassAsync(mailbox, graph, cancellationToken).ConfigureAwait(false);
            var rules = result.Rules;
            await Console.Error.WriteLineAsync(rules.Skipped
                ? $"  follow-ups {mailbox.Mail}: not run (--as-of is before their last run)"
                : $"  follow-ups {mailbox.Mail}: {rules.Created} new, {rules.Settled} settled, {rules.Withdrawn} withdrawn, {rules.Updated} updated").ConfigureAwait(false);
            if (result.Todo is { } todo)
            {
                await Console.Error.WriteLineAsync($"  to do {mailbox.Mail}: {todo.Created} created, {todo.Updated} updated, {todo.Deleted} deleted, {todo.CompletedInTodo} completed in To Do{(todo.Error is null ? string.Empty : "; stopped: " + todo.Error)}").ConfigureAwait(false);
            }
        }
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
