using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Coordination;

/// <summary>
/// Two real `networksync sync` processes started at once on one database file end exactly as one sync
/// would: the second waits for the first's mailbox lease, then runs a no-change delta.
/// </summary>
public sealed class TwoSyncProcessesTests
{
    [Fact]
    public async Task Two_sync_processes_at_once_on_one_database_end_as_one_sync_with_a_single_initial_enumeration()
    {
        await using var graph = await ExternalGraph.StartAsync();

        var alone = CliRunner.TempPath("alone.db");
        var one = await CliRunner.RunWithEnvironmentAsync(graph.ServiceEnvironment(Path.GetDirectoryName(alone)!), "sync", "--db", alone);
        Assert.True(one.ExitCode == 0, one.StdErr);
        var initialRequestsOfOneSync = InitialDeltaRequests(graph.Emulator);
        graph.Emulator.Requests.Clear();

        // Slow pages keep the first sync running while the second starts: they must overlap to prove anything.
        graph.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(400), Mailbox = graph.Owner, Method = "GET", Times = 20 });
        var shared = CliRunner.TempPath("shared.db");
        var environment = graph.ServiceEnvironment(Path.GetDirectoryName(shared)!);
        var first = CliRunner.RunWithEnvironmentAsync(environment, "sync", "--db", shared);
        var second = CliRunner.RunWithEnvironmentAsync(environment, "sync", "--db", shared);
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.StdErr));
        Assert.Equal(initialRequestsOfOneSync, InitialDeltaRequests(graph.Emulator));
        Assert.Equal(await RowsAsync(alone), await RowsAsync(shared));
    }

    // Delta requests with no state token: the start of an initial enumeration of a collection.
    private static int InitialDeltaRequests(NetworkSync.GraphEmulator.GraphEmulator emulator) =>
        emulator.Requests.Snapshot().Count(r => r.Path.Contains("/delta", StringComparison.OrdinalIgnoreCase)
            && !r.Query.Contains("deltatoken", StringComparison.OrdinalIgnoreCase)
            && !r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));

    private static async Task<List<string>> RowsAsync(string path)
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
        await using var context = database.CreateContext();
        var messages = (await context.Messages.AsNoTracking().ToListAsync()).Select(m => "m " + JsonSerializer.Serialize(m));
        var events = (await context.Events.AsNoTracking().ToListAsync()).Select(e => "e " + JsonSerializer.Serialize(e));
        return [.. messages.Concat(events).Order(StringComparer.Ordinal)];
    }
}
