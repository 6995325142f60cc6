using NetworkSync.GraphEmulator;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync emulator`: the Graph emulator on its own, in this process, until Ctrl+C or SIGTERM. Benchmarks
/// use it to keep the emulator's work off the syncing process. Prints its Graph base URL on stdout.
/// </summary>
public static class EmulatorCommand
{
    public static async Task<int> RunAsync(EmulatorArguments args, CancellationToken cancellationToken)
    {
        string? fixture = null;
        if (args.Fixture is { } given)
        {
            fixture = Path.GetFullPath(given);
            if (!File.Exists(Path.Combine(fixture, "users.json")))
            {
                throw new ExpectedFailureException($"--fixture: {fixture} is not a fixture folder (no users.json)");
            }
        }

        await using var emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = fixture, Port = args.Port }, cancellationToken).ConfigureAwait(false);
        foreach (var problem in emulator.LoadProblems)
        {
            await Console.Error.WriteLineAsync($"fixture: skipped {problem.File} #{problem.Index}: {problem.Reason}").ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync(emulator.GraphBaseUrl.ToString()).ConfigureAwait(false);
        await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
