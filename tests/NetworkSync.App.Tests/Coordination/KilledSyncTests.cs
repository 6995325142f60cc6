using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Coordination;

/// <summary>
/// A `networksync sync` killed mid-sync leaves its lease to expire; the next sync waits that out, takes the
/// lease and finishes exactly: the database ends as one clean sync leaves it.
/// </summary>
public sealed class KilledSyncTests
{
    [Fact]
    public async Task A_sync_killed_holding_the_lease_is_finished_exactly_by_the_next_once_the_lease_expires()
    {
        await using var graph = await ExternalGraph.StartAsync();
        var clean = CliRunner.TempPath("clean.db");
        var cleanRun = await CliRunner.RunWithEnvironmentAsync(graph.ServiceEnvironment(Path.GetDirectoryName(clean)!), "sync", "--db", clean);
        Assert.True(cleanRun.ExitCode == 0, cleanRun.StdErr);

        var shared = CliRunner.TempPath("killed.db");
        var environment = graph.ServiceEnvironment(Path.GetDirectoryName(shared)!);
        environment["Coordination__LeaseSeconds"] = "5";
        environment["Coordination__LeaseRenewSeconds"] = "1";
        graph.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(700), Mailbox = graph.Owner, Method = "GET", SkipFirst = 2, Times = 60 });
        using (var doomed = Start(environment, "sync", "--db", shared))
        {
            // Longer than Eventually's 20 s: a process starting on a loaded machine can take that long alone.
            var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
            while (!(File.Exists(shared) && await LeaseHeldAsync(shared) && await MessageCountAsync(shared) > 0))
            {
                Assert.False(doomed.HasExited, "the sync to kill ended by itself");
                Assert.True(DateTimeOffset.UtcNow < deadline, "the sync to kill never held its lease with pages written");
                await Task.Delay(20);
            }

            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
        }

        var expires = await LeaseExpiryAsync(shared);
        Assert.True(expires > DateTimeOffset.UtcNow, "the killed sync's lease should still be held: nothing released it");
        graph.Emulator.Faults.Clear();
        graph.Emulator.Requests.Clear();
        var next = await CliRunner.RunWithEnvironmentAsync(environment, "sync", "--db", shared);

        Assert.True(next.ExitCode == 0, next.StdErr);
        Assert.Equal(await RowsAsync(clean), await RowsAsync(shared));
        var firstRequest = graph.Emulator.Requests.Snapshot().Where(r => r.Mailbox == graph.Owner).Min(r => r.At);
        Assert.True(firstRequest >= expires - TimeSpan.FromMilliseconds(100), $"the next sync sent at {firstRequest:O}, before the dead sync's lease expired at {expires:O}");
    }

    private static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "networksync.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<DateTimeOffset> LeaseExpiryAsync(string path)
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
        await using var context = database.CreateContext();
        return DateTimeOffset.FromUnixTimeMilliseconds(await context.MailboxLeases.MaxAsync(l => l.ExpiresMs));
    }

    private static async Task<bool> LeaseHeldAsync(string path)
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
        await using var context = database.CreateContext();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        try
        {
            return await context.MailboxLeases.AnyAsync(l => l.Owner != null && l.ExpiresMs > now);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false; // not migrated yet
        }
    }

    private static async Task<int> MessageCountAsync(string path)
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
        await using var context = database.CreateContext();
        try
        {
            return await context.Messages.CountAsync();
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    private static async Task<List<string>> RowsAsync(string path)
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
        await using var context = database.CreateContext();
        var messages = (await context.Messages.AsNoTracking().ToListAsync()).Select(m => "m " + JsonSerializer.Serialize(m));
        var events = (await context.Events.AsNoTracking().ToListAsync()).Select(e => "e " + JsonSerializer.Serialize(e));
        return [.. messages.Concat(events).Order(StringComparer.Ordinal)];
    }
}
