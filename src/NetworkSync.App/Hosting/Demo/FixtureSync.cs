using NetworkSync.GraphEmulator;
using NetworkSync.Sync.Configuration;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Hosting.Demo;

/// <summary>
/// Syncs a fixture folder exactly as a tenant is synced: the emulator serves it on a free loopback
/// port and the real Graph client reads it. Shared by the sync and evaluate verbs: they start the
/// emulator here, point their Graph options at it (<see cref="FixtureGraph.PointAt"/>) and sync through
/// their own <see cref="SyncCoordinator"/>.
/// </summary>
public static class FixtureSync
{
    public static async Task<FixtureGraph> ServeAsync(string fixtureFolder, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(fixtureFolder);
        if (!File.Exists(Path.Combine(folder, "users.json")))
        {
            throw new ExpectedFailureException($"--fixture: {folder} is not a fixture folder (no users.json)");
        }

        var emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = folder }, cancellationToken).ConfigureAwait(false);
        foreach (var problem in emulator.LoadProblems)
        {
            await Console.Error.WriteLineAsync($"fixture: skipped {problem.File} #{problem.Index}: {problem.Reason}").ConfigureAwait(false);
        }

        return new FixtureGraph(emulator);
    }
}
