using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Demo;
using NetworkSync.Application;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;

namespace NetworkSync.App.Tests;

/// <summary>
/// The application core (<see cref="CoreServiceRegistration.AddNetworkSyncCore"/>, as `serve` and the CLI
/// wire it) over a test's own database and clock, with default configuration. The database stays the test's
/// to dispose; a test replaces what it must through <c>configure</c>.
/// </summary>
internal static class TestCore
{
    public static ServiceProvider Build(NetworkSyncDatabase database, TimeProvider time) =>
        Build(database, time, new RunMode(Demo: true), static _ => { });

    public static ServiceProvider Build(NetworkSyncDatabase database, TimeProvider time, RunMode mode, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(mode);
        services.AddSingleton<NetworkSyncDatabase>(database);
        services.AddNetworkSyncCore(new ConfigurationBuilder().Build());
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Syncs the metadata of a fixture folder into <paramref name="database"/> (no follow-up pass), as the CLI's evaluate verb does.</summary>
    public static async Task<SyncRunSummary> SyncFixtureAsync(string fixture, NetworkSyncDatabase database, TimeProvider time)
    {
        await using var graph = await FixtureSync.ServeAsync(fixture, CancellationToken.None);
        await using var services = Build(database, time, new RunMode(Demo: true), test =>
        {
            test.PostConfigure<GraphOptions>(graph.PointAt);
            test.RemoveAll<IAfterMailboxSync>();
        });
        return await services.GetRequiredService<SyncCoordinator>().SyncAllAsync(null, CancellationToken.None);
    }
}
