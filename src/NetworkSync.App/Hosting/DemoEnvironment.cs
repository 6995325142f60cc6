using NetworkSync.DemoData;
using NetworkSync.GraphEmulator;
using NetworkSync.Sync.Configuration;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Hosting;

/// <summary>
/// Demo mode's world: the Graph emulator in-process on loopback, serving the demo mailbox (generated on
/// first run) or the given fixture, and the configuration that points the sync at it.
/// </summary>
public sealed class DemoEnvironment : IAsyncDisposable
{
    private DemoEnvironment(Emulator emulator, DemoContext? context)
    {
        Emulator = emulator;
        Context = context;
    }

    public Emulator Emulator { get; }

    /// <summary>The trickle of new mail for the generated demo mailbox; null for a given fixture.</summary>
    public DemoContext? Context { get; }

    public static async Task<DemoEnvironment> StartAsync(
        string? fixturePath, string dataFolder, DemoOptions options, TimeProvider time, IDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(overrides);
        var fixture = fixturePath is { } given
            ? RequireFixture(given)
            : DemoFixture.Ensure(Path.Combine(dataFolder, "demo"), options, time.GetUtcNow(), Console.Error.WriteLine);
        // The emulator keeps the service's clock (--as-of included): a subscription's expiration, computed on the
        // service's clock, must be in the future on the emulator's too.
        // Only this service may get tokens for the demo mailbox: a fresh secret per run, never written down;
        // and reading a subscription back does not reveal its clientState.
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = fixture, ClientSecret = secret, EchoClientStateOnRead = false, TimeProvider = time }).ConfigureAwait(false);
        foreach (var problem in emulator.LoadProblems.Take(20))
        {
            await Console.Error.WriteLineAsync($"fixture: skipped {problem.File} #{problem.Index}: {problem.Reason}").ConfigureAwait(false);
        }

        overrides["Graph:BaseUrl"] = emulator.GraphBaseUrl.ToString();
        overrides["Graph:AuthMode"] = nameof(GraphAuthMode.Emulator);
        overrides["Graph:ClientSecret"] = secret;
        overrides["Graph:EmulatorTokenEndpoint"] = emulator.TokenEndpoint.ToString();
        overrides["Sync:Cron"] = options.SyncCron;

        DemoContext? context = null;
        if (fixturePath is null && File.Exists(Path.Combine(fixture, "planted-truth.json")))
        {
            var truth = Path.Combine(fixture, "planted-truth.json");
            context = new DemoContext(emulator, new DemoTrickle(truth, options.Seed), emulator.Tenant.Users[0]["id"]!.GetValue<string>());
        }

        return new DemoEnvironment(emulator, context);
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    private static string RequireFixture(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(Path.Combine(full, "users.json"))
            ? full
            : throw new ExpectedFailureException($"--fixture: {full} is not a fixture folder (no users.json)");
    }
}
