using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NetworkSync.Bench;

/// <summary>
/// Load benchmark of the add-in's hot path, <c>POST /api/context/batch</c>, against the real service in
/// demo mode (its own process, on loopback) with many concurrent clients, each a persistent connection.
/// Two loads, side by side in one run:
/// <list type="bullet">
/// <item>paced: every client sends one message's participants, then pauses (exponential, mean
/// <c>--think-ms</c>) as a person reading mail does; this is the latency a user sees;</item>
/// <item>saturated: every client sends back to back; latency is then set by queueing
/// (Little's law: clients / throughput), so this one reports how much the server can take.</item>
/// </list>
/// The client runs on the same (2-core) machine, so its own work is part of every figure.
/// </summary>
public static class ContextLoadBench
{
    public static async Task<int> RunAsync(string appDll, int clients, int seconds, int thinkMs, int rounds)
    {
        await using var service = await DemoService.StartAsync(appDll, "context-load.db", clients);
        var http = service.Http;
        var url = service.Url;
        var bodies = await MessageBodiesAsync(http);
        Console.Error.WriteLine($"Service ready at {url}; {bodies.Count} distinct messages to look up; {clients} clients, {seconds} s per measurement, {rounds} rounds");

        // Warm-up: JIT, connection set-up, the first scoring of the mailbox.
        await MeasureAsync(http, bodies, clients, TimeSpan.FromSeconds(3), thinkMs);

        var paced = new List<LoadResult>();
        var saturated = new List<LoadResult>();
        for (var round = 1; round <= rounds; round++)
        {
            paced.Add(await MeasureAsync(http, bodies, clients, TimeSpan.FromSeconds(seconds), thinkMs));
            saturated.Add(await MeasureAsync(http, bodies, clients, TimeSpan.FromSeconds(seconds), 0));
            Console.Error.WriteLine($"round {round}: paced {paced[^1]}; saturated {saturated[^1]}");
        }

        Console.WriteLine($"POST /api/context/batch, {clients} concurrent clients, {seconds} s each, median of {rounds} rounds (per-round figures above)");
        Console.WriteLine($"paced (think time mean {thinkMs} ms): {LoadResult.Median(paced)}");
        Console.WriteLine($"saturated (no think time):       {LoadResult.Median(saturated)}");
        return 0;
    }

    internal static async Task<LoadResult> MeasureAsync(HttpClient http, IReadOnlyList<byte[]> bodies, int clients, TimeSpan duration, int thinkMs)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var began = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(client);
            var mine = latencies[client] = new List<double>(4096);
            if (thinkMs > 0)
            {
                // Spread the clients' first requests over one think time instead of a thundering herd.
                await Task.Delay(random.Next(thinkMs));
            }

            while (Stopwatch.GetTimestamp() < stopAt)
            {
                using var content = new ByteArrayContent(bodies[random.Next(bodies.Count)]);
                content.Headers.ContentType = new("application/json");
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/api/context/batch", content);
                _ = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }

                if (thinkMs > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(-thinkMs * Math.Log(1 - random.NextDouble())));
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(began).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, all.Length / elapsed, ServiceProcesses.Percentile(all, 0.50), ServiceProcesses.Percentile(all, 0.90), ServiceProcesses.Percentile(all, 0.99), all.Length > 0 ? all[^1] : 0, errors);
    }

    /// <summary>Request bodies shaped like real messages: a sender and one to four recipients, sometimes the user, sometimes a stranger.</summary>
    internal static async Task<IReadOnlyList<byte[]>> MessageBodiesAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/contacts?limit=200"));
        var addresses = document.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("address").GetString()!).ToList();
        var random = new Random(42);
        var bodies = new List<byte[]>();
        for (var i = 0; i < 500; i++)
        {
            var participants = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => addresses[random.Next(addresses.Count)]).ToList();
            if (random.Next(3) == 0)
            {
                participants.Add("dana.whitfield@contoso.example");
            }

            if (random.Next(5) == 0)
            {
                participants.Add($"stranger{i}@elsewhere.example");
            }

            bodies.Add(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { addresses = participants })));
        }

        return bodies;
    }

    internal sealed record LoadResult(int Requests, double PerSecond, double P50, double P90, double P99, double Max, int Errors)
    {
        public static LoadResult Median(List<LoadResult> results)
        {
            static double Mid(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                return sorted[sorted.Length / 2];
            }

            return new LoadResult(
                (int)Mid(results.Select(r => (double)r.Requests)),
                Mid(results.Select(r => r.PerSecond)),
                Mid(results.Select(r => r.P50)),
                Mid(results.Select(r => r.P90)),
                Mid(results.Select(r => r.P99)),
                Mid(results.Select(r => r.Max)),
                results.Sum(r => r.Errors));
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Requests} requests, {PerSecond:0} req/s, p50 {P50:0.00} ms, p90 {P90:0.00} ms, p99 {P99:0.00} ms, max {Max:0.0} ms, {Errors} errors");
    }
}
