using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkSync.Testing;

namespace NetworkSync.Bench;

/// <summary>
/// Load benchmark (issue 12, item 5): M emulated mailboxes of about N messages synced by the product itself,
/// `networksync serve` on PostgreSQL (its start-up sync of every mailbox, the Hangfire jobs after it), against
/// the Graph emulator in its own process. Phase 1: one instance on a fresh database, then a restart of it on the
/// same database (every mailbox's no-change re-sync). Phase 2: two instances on another fresh database. During
/// each first sync, the batch context API of the first instance is under the context bench's paced clients.
/// Wall time is from the (first) instance's start to the last instance's /healthz 200, which it answers once its
/// start-up sync of every mailbox has finished, so it includes the process start (a second or two).
/// </summary>
public static class LoadBench
{
    private const int PageSize = 1000;
    private static readonly string[] NotGraph = ["Token", "Admin", "OpenIdConfiguration", "SigningKeys"];

    public static async Task<int> RunAsync(string appDll, int mailboxes, int messages, int events, int clients, int contextSeconds, int thinkMs)
    {
        var work = Path.Combine(Path.GetTempPath(), "networksync-bench");
        Directory.CreateDirectory(work);
        var fixture = LoadFixture.Ensure(appDll, work, mailboxes, messages, events);
        var (inbox, sent, fixtureEvents) = LoadFixture.Counts(fixture);
        var deltaMinimum = mailboxes * (long)(Pages(inbox) + Pages(sent) + Pages(fixtureEvents));

        await using var cluster = await PostgresCluster.StartAsync();
        using var emulator = Process.Start(new ProcessStartInfo("dotnet", $"\"{appDll}\" emulator --fixture \"{fixture}\"") { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start dotnet");
        try
        {
            var graphBase = new Uri(await emulator.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the emulator printed no URL"));
            using var admin = new HttpClient { BaseAddress = new Uri(graphBase, "/_emulator/"), Timeout = TimeSpan.FromMinutes(2) };
            Console.Error.WriteLine($"{mailboxes} mailboxes × ({inbox} inbox + {sent} sent messages, {events} events); emulator at {graphBase}; PostgreSQL on port {cluster.Port}");

            var one = await SyncPhaseAsync(appDll, cluster, graphBase, admin, work, 1, clients, contextSeconds, thinkMs, mailboxes);
            var two = await SyncPhaseAsync(appDll, cluster, graphBase, admin, work, 2, clients, contextSeconds, thinkMs, mailboxes);
            var (resyncSeconds, resyncRss, resyncRequests) = await ResyncAsync(appDll, cluster, graphBase, admin, work, one.Database);

            var minimum = deltaMinimum + mailboxes + one.DirectoryRequests;
            Console.WriteLine($"Load: {mailboxes:N0} mailboxes × {inbox + sent:N0} messages ({inbox} inbox, {sent} sent items) + {fixtureEvents:N0} events, `networksync serve` on PostgreSQL, emulator in its own process");
            Console.WriteLine("| metric | target | one instance | two instances |");
            Console.WriteLine("| --- | --- | --- | --- |");
            Console.WriteLine(Row("wall time to every mailbox synced (start to last /healthz 200)", string.Empty, $"{one.Seconds:0.0} s", $"{two.Seconds:0.0} s (each: {string.Join(", ", two.PerInstanceSeconds.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))})"));
            Console.WriteLine(Row("Graph span (first to last Graph request)", string.Empty, $"{one.GraphSpanSeconds:0.0} s", $"{two.GraphSpanSeconds:0.0} s"));
            Console.WriteLine(Row("messages + events stored", string.Empty, $"{one.Messages:N0} + {one.Events:N0}", $"{two.Messages:N0} + {two.Events:N0}"));
            Console.WriteLine(Row("Graph requests", $"= minimum ({minimum:N0})", $"{one.GraphRequests:N0} ({one.Breakdown})", $"{two.GraphRequests:N0} ({two.Breakdown})"));
            Console.WriteLine(Row("messages per second (stored / wall time)", string.Empty, $"{one.Messages / one.Seconds:N0}", $"{two.Messages / two.Seconds:N0}"));
            Console.WriteLine(Row("peak RSS per instance (VmHWM)", "<= 300 MB", $"{one.PeakRss[0]:0} MB", string.Join(", ", two.PeakRss.Select(r => r.ToString("0", CultureInfo.InvariantCulture) + " MB"))));
            Console.WriteLine(Row("scaling ratio (one-instance / two-instance wall time)", ">= 1.8", string.Empty, $"{one.Seconds / two.Seconds:0.00}"));
            Console.WriteLine(Row($"POST /api/context/batch during the sync, {clients} paced clients ({thinkMs} ms think), {contextSeconds} s", "0 errors, p99 <= 10 ms", one.Context, two.Context));
            Console.WriteLine(Row("no-change re-sync (restart of one instance on the synced database)", string.Empty, $"{resyncSeconds:0.0} s, {resyncRss:0} MB, {resyncRequests:N0} Graph requests", string.Empty));
            return 0;
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
        }
    }

    private static async Task<PhaseResult> SyncPhaseAsync(
        string appDll, PostgresCluster cluster, Uri graphBase, HttpClient admin, string work, int instances, int clients, int contextSeconds, int thinkMs, int mailboxes)
    {
        var database = await cluster.CreateDatabaseAsync($"load{instances}");
        await admin.DeleteAsync("requests");
        var started = new List<LoadInstance>();
        try
        {
            // The first instance migrates the empty database; the second starts once the first answers HTTP, so they do
            // not both create the schema (migrations take no lock). That head start is inside the measured wall time.
            started.Add(LoadInstance.Start(appDll, graphBase, cluster.Uri(database), work, $"{instances}-1", clients));
            for (var i = 2; i <= instances; i++)
            {
                await ServiceProcesses.WaitRespondingAsync(started[0].Http);
                started.Add(LoadInstance.Start(appDll, graphBase, cluster.Uri(database), work, $"{instances}-{i}", clients));
            }

            var context = ContextDuringSyncAsync(started[0].Http, clients, contextSeconds, thinkMs);
            var seconds = new double[started.Count];
            for (var i = 0; i < started.Count; i++)
            {
                var ready = await started[i].WaitFirstSyncAsync(TimeSpan.FromMinutes(30));
                seconds[i] = ready + Stopwatch.GetElapsedTime(started[0].Started, started[i].Started).TotalSeconds;
            }

            var syncedAt = Stopwatch.GetTimestamp();
            var (load, endedAt) = await context;
            var during = endedAt <= syncedAt ? "within the sync" : "ended after the sync";
            var rss = started.Select(s => s.PeakRssMegabytes()).ToArray();
            var (graphRequests, directory, breakdown, span) = await CountRequestsAsync(admin);
            var stored = cluster.Sql(database, "select (select count(*) from messages) || ' ' || (select count(*) from events) || ' ' || (select count(*) from mailboxes)").Trim().Split(' ');
            if (long.Parse(stored[2], CultureInfo.InvariantCulture) != mailboxes)
            {
                throw new InvalidOperationException($"{stored[2]} mailboxes stored, {mailboxes} expected");
            }

            Console.Error.WriteLine($"{instances} instance(s): {seconds.Max():0.0} s, {graphRequests} Graph requests, RSS {string.Join(", ", rss.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} MB; context: {load} ({during})");
            return new PhaseResult(
                database,
                seconds.Max(),
                seconds,
                span,
                long.Parse(stored[0], CultureInfo.InvariantCulture),
                long.Parse(stored[1], CultureInfo.InvariantCulture),
                graphRequests,
                directory,
                breakdown,
                rss,
                load is null ? "not measured (no contacts before the sync ended)" : $"{load.Errors} errors, p50 {load.P50:0.00} ms, p99 {load.P99:0.00} ms, max {load.Max:0} ms, {load.Requests:N0} requests ({during})");
        }
        finally
        {
            foreach (var instance in started)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<(double Seconds, double Rss, long Requests)> ResyncAsync(string appDll, PostgresCluster cluster, Uri graphBase, HttpClient admin, string work, string database)
    {
        await admin.DeleteAsync("requests");
        await using var instance = LoadInstance.Start(appDll, graphBase, cluster.Uri(database), work, "resync", 4);
        var seconds = await instance.WaitFirstSyncAsync(TimeSpan.FromMinutes(30));
        var rss = instance.PeakRssMegabytes();
        var (requests, _, breakdown, _) = await CountRequestsAsync(admin);
        Console.Error.WriteLine($"no-change re-sync: {seconds:0.0} s, {rss:0} MB, {requests} Graph requests ({breakdown})");
        return (seconds, rss, requests);
    }

    /// <summary>
    /// Waits until the first instance has a mailbox with contacts (the caller's, in local mode), then puts the paced
    /// context load on it; null when the sync ended before there was anything to ask about.
    /// </summary>
    private static async Task<(ContextLoadBench.LoadResult? Result, long EndedAt)> ContextDuringSyncAsync(HttpClient http, int clients, int seconds, int thinkMs)
    {
        var deadline = Stopwatch.GetTimestamp() + (300 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await http.GetAsync("/api/contacts?limit=200");
                if (response.IsSuccessStatusCode)
                {
                    var bodies = await ContextLoadBench.MessageBodiesAsync(http);
                    var result = await ContextLoadBench.MeasureAsync(http, bodies, clients, TimeSpan.FromSeconds(seconds), thinkMs);
                    return (result, Stopwatch.GetTimestamp());
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentOutOfRangeException or KeyNotFoundException)
            {
                // Not up yet, or no contacts yet: ask again.
            }

            await Task.Delay(200);
        }

        return (null, Stopwatch.GetTimestamp());
    }

    private static async Task<(long Graph, long Directory, string Breakdown, double SpanSeconds)> CountRequestsAsync(HttpClient admin)
    {
        var entries = await admin.GetFromJsonAsync<JsonElement>("requests");
        var list = (entries.ValueKind == JsonValueKind.Array ? entries : entries.GetProperty("value")).EnumerateArray()
            .Select(e => (Endpoint: e.GetProperty("endpoint").GetString()!, At: e.GetProperty("at").GetDateTimeOffset()))
            .Where(e => !NotGraph.Contains(e.Endpoint))
            .ToList();
        var breakdown = string.Join(", ", list.GroupBy(e => e.Endpoint).OrderByDescending(g => g.Count()).Select(g => $"{g.Count():N0} {g.Key}"));
        var span = list.Count == 0 ? 0 : (list.Max(e => e.At) - list.Min(e => e.At)).TotalSeconds;
        return (list.Count, list.Count(e => e.Endpoint == "Users"), breakdown, span);
    }

    private static int Pages(long items) => (int)Math.Max(1, (items + PageSize - 1) / PageSize);

    private static string Row(string metric, string target, string one, string two) => $"| {metric} | {target} | {one} | {two} |";

    private sealed record PhaseResult(
        string Database, double Seconds, double[] PerInstanceSeconds, double GraphSpanSeconds, long Messages, long Events, long GraphRequests, long DirectoryRequests, string Breakdown, double[] PeakRss, string Context);
}
