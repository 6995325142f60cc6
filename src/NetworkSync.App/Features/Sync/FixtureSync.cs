using Microsoft.Extensions.Options;
using NetworkSync.App.Cli;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Features.Sync;

/// <summary>
/// Syncs a fixture folder exactly as a tenant is synced: the emulator serves it on a free loopback
/// port and the real Graph client reads it. Shared by the sync and evaluate verbs.
/// </summary>
public static class FixtureSync
{
    public static async Task<SyncRunSummary> RunAsync(
        string fixtureFolder,
        SqliteDatabase database,
        GraphOptions baseOptions,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken,
        IEnumerable<IAfterMailboxSync>? followers = null)
    {
        var folder = Path.GetFullPath(fixtureFolder);
        if (!File.Exists(Path.Combine(folder, "users.json")))
        {
            throw new ExpectedFailureException($"--fixture: {folder} is not a fixture folder (no users.json)");
        }

        await using var emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = folder }, cancellationToken).ConfigureAwait(false);
        foreach (var problem in emulator.LoadProblems)
        {
            await Console.Error.WriteLineAsync($"fixture: skipped {problem.File} #{problem.Index}: {problem.Reason}").ConfigureAwait(false);
        }

        baseOptions.BaseUrl = emulator.GraphBaseUrl.ToString();
        baseOptions.AuthMode = GraphAuthMode.Emulator;
        baseOptions.EmulatorTokenEndpoint = emulator.TokenEndpoint.ToString();
        baseOptions.Mailboxes = [];
        using var coordinator = new SyncCoordinator(Options.Create(baseOptions), database, time, loggerFactory, followers);
        return await coordinator.SyncAllAsync(progress, cancellationToken).ConfigureAwait(false);
    }
}
