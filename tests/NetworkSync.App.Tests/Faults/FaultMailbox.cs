using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkSync.App.Tests.Storage;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.Faults;

/// <summary>
/// A Graph emulator serving one generated mailbox of <see cref="Messages"/> messages, for the fault suite: real
/// `networksync sync` processes pointed at it on PostgreSQL databases, and what a clean sync leaves to compare with.
/// </summary>
internal sealed class FaultMailbox : IAsyncDisposable
{
    /// <summary>The date every score is read at, so two databases synced minutes apart score alike.</summary>
    public const string AsOf = "2026-11-25T12:00:00Z";

    /// <summary>Overrides the mailbox size (the figure is 20,000; see docs/faults.md for the default's why).</summary>
    public const string MessagesVariable = "NETWORKSYNC_FAULTS_MESSAGES";

    private FaultMailbox(Emulator emulator, PostgresCluster cluster, int messages)
    {
        Emulator = emulator;
        Cluster = cluster;
        Messages = messages;
    }

    public Emulator Emulator { get; }

    public PostgresCluster Cluster { get; }

    public int Messages { get; }

    public string OwnerMail => Emulator.Tenant.Users[0]["mail"]!.GetValue<string>();

    public static int ConfiguredMessages(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(MessagesVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    public static async Task<FaultMailbox> StartAsync(int messages, PostgresCluster? cluster = null)
    {
        var fixture = CliRunner.TempPath("fault-fixture");
        var generated = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "300", "--messages", messages.ToString(CultureInfo.InvariantCulture), "--as-of", AsOf);
        Assert.True(generated.ExitCode == 0, generated.StdErr);
        var emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = fixture });
        return new FaultMailbox(emulator, cluster ?? await SharedPostgres.ClusterAsync(), messages);
    }

    /// <summary>The environment of a sync process against this emulator as a tenant, with short leases so a killed one blocks briefly.</summary>
    public Dictionary<string, string> SyncEnvironment() => new()
    {
        ["DataFolder"] = Path.GetDirectoryName(CliRunner.TempPath("data"))!,
        ["Graph__TenantId"] = "contoso-test",
        ["Graph__AuthMode"] = "Emulator",
        ["Graph__BaseUrl"] = Emulator.GraphBaseUrl.ToString(),
        ["Graph__EmulatorTokenEndpoint"] = Emulator.TokenEndpoint.ToString(),
        ["Coordination__LeaseSeconds"] = "5",
        ["Coordination__LeaseRenewSeconds"] = "1",
    };

    /// <summary>A fresh, empty PostgreSQL database, as the `--db` URI.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose) => Cluster.Uri(await Cluster.CreateDatabaseAsync(purpose));

    /// <summary>A clean sync (no faults) into its own database: the state every fault scenario must end in.</summary>
    public async Task<string> CleanSyncAsync()
    {
        var faults = Emulator.Faults;
        faults.Clear();
        var db = await CreateDatabaseAsync("clean");
        var run = await CliRunner.RunWithEnvironmentAsync(SyncEnvironment(), "sync", "--db", db);
        Assert.True(run.ExitCode == 0, "the clean sync failed: " + run.StdErr);
        return db;
    }

    /// <summary>Runs `sync` until one run succeeds (a run may give up under faults; the next resumes), at most <paramref name="attempts"/> times.</summary>
    public async Task SyncUntilDoneAsync(string db, int attempts)
    {
        var errors = new List<string>();
        for (var i = 0; i < attempts; i++)
        {
            var run = await CliRunner.RunWithEnvironmentAsync(SyncEnvironment(), "sync", "--db", db);
            if (run.ExitCode == 0)
            {
                return;
            }

            errors.Add(LastLine(run.StdErr));
        }

        Assert.Fail($"no sync of {attempts} succeeded: " + string.Join(" | ", errors));
    }

    /// <summary>A `networksync sync` child process the test may kill (SIGKILL) at any moment.</summary>
    public Process StartSync(string db)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in SyncEnvironment())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "networksync.dll"));
        foreach (var arg in new[] { "sync", "--db", db })
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

    /// <summary>How many message rows <paramref name="db"/> holds (0 before its schema exists).</summary>
    public async Task<int> MessageRowsAsync(string db)
    {
        using var database = new PostgresDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = Cluster.ConnectionString(DatabaseName(db)) });
        await using var context = database.CreateContext();
        try
        {
            return await context.Messages.CountAsync();
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return 0; // not migrated yet
        }
    }

    /// <summary>Every stored message and event row, serialised field by field, in a stable order.</summary>
    public async Task<List<string>> RowsAsync(string db)
    {
        using var database = new PostgresDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = Cluster.ConnectionString(DatabaseName(db)) });
        await using var context = database.CreateContext();
        var messages = (await context.Messages.AsNoTracking().ToListAsync()).Select(m => "m " + JsonSerializer.Serialize(m));
        var events = (await context.Events.AsNoTracking().ToListAsync()).Select(e => "e " + JsonSerializer.Serialize(e));
        return [.. messages.Concat(events).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every contact's scores as `contacts --json --all` prints them, at <see cref="AsOf"/>.</summary>
    public async Task<string> ScoresAsync(string db)
    {
        var run = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", OwnerMail, "--as-of", AsOf, "--json", "--all");
        Assert.True(run.ExitCode == 0, run.StdErr);
        return run.StdOut;
    }

    /// <summary>Asserts <paramref name="db"/> holds exactly what the clean sync <paramref name="clean"/> holds: rows and scores.</summary>
    public async Task AssertSameAsCleanAsync(string clean, string db)
    {
        var expected = await RowsAsync(clean);
        var actual = await RowsAsync(db);
        Assert.True(expected.Count > 0, "the clean sync stored nothing");
        Assert.True(expected.Count == actual.Count, $"{actual.Count} rows where a clean sync stores {expected.Count}");
        var firstDifference = expected.Zip(actual).FirstOrDefault(pair => pair.First != pair.Second);
        Assert.True(firstDifference == default, $"a row differs from the clean sync's:\n  clean: {firstDifference.First}\n  here:  {firstDifference.Second}");
        Assert.Equal(await ScoresAsync(clean), await ScoresAsync(db));
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    private static string DatabaseName(string uri) => new Uri(uri).AbsolutePath.TrimStart('/');

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "(no output)";
}
