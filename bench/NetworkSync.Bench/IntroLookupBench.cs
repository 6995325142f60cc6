using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace NetworkSync.Bench;

/// <summary>
/// An intro lookup, <c>GET /api/mailboxes/{m}/intros?to=</c>, on the demo mailbox while the context benchmark's
/// paced load (<see cref="ContextLoadBench"/>: 200 clients posting message participants to
/// <c>/api/context/batch</c>) runs beside it. A few clients ask, back to back, about the people an introduction
/// is for: strangers (addresses never in contact), cold contacts and dormant ones. Reports the lookups' p99, median of the rounds; the target is p99 ≤ 20 ms (issue 13).
/// </summary>
public static class IntroLookupBench
{
    private const int LookupClients = 4;

    // Answers that named at least one introducer: the lookups measured do real work, not only "[]".
    private static long answersWithPaths;
    private static long answers;

    public static async Task<int> RunAsync(string appDll, int clients, int seconds, int thinkMs, int rounds)
    {
        await using var service = await DemoService.StartAsync(appDll, "intro-lookup.db", clients + LookupClients);
        var http = service.Http;
        var bodies = await ContextLoadBench.MessageBodiesAsync(http);
        var (mailbox, targets, kinds) = await TargetsAsync(http);
        Console.Error.WriteLine($"Service ready at {service.Url}; {targets.Count} intro targets ({kinds}); {clients} context clients (think {thinkMs} ms) + {LookupClients} lookup clients, {seconds} s per round, {rounds} rounds");

        // Warm-up: JIT, connections, the first scoring and warm-path index of the mailbox.
        await RoundAsync(http, bodies, mailbox, targets, clients, TimeSpan.FromSeconds(3), thinkMs);

        var results = new List<(ContextLoadBench.LoadResult Lookups, ContextLoadBench.LoadResult Context)>();
        for (var round = 1; round <= rounds; round++)
        {
            results.Add(await RoundAsync(http, bodies, mailbox, targets, clients, TimeSpan.FromSeconds(seconds), thinkMs));
            Console.Error.WriteLine($"round {round}: intros {results[^1].Lookups}; context beside it {results[^1].Context}");
        }

        Console.WriteLine($"GET /api/mailboxes/{{m}}/intros?to= ({LookupClients} clients back to back) under POST /api/context/batch ({clients} clients, think time mean {thinkMs} ms), {seconds} s each, median of {rounds} rounds");
        Console.WriteLine($"intro lookups:   {ContextLoadBench.LoadResult.Median(results.Select(r => r.Lookups).ToList())}");
        Console.WriteLine($"context beside:  {ContextLoadBench.LoadResult.Median(results.Select(r => r.Context).ToList())}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref answersWithPaths)} of {Interlocked.Read(ref answers)} lookups (warm-up included) named at least one introducer"));
        return 0;
    }

    private static async Task<(ContextLoadBench.LoadResult Lookups, ContextLoadBench.LoadResult Context)> RoundAsync(
        HttpClient http, IReadOnlyList<byte[]> bodies, string mailbox, IReadOnlyList<string> targets, int clients, TimeSpan duration, int thinkMs)
    {
        var context = ContextLoadBench.MeasureAsync(http, bodies, clients, duration, thinkMs);
        var lookups = LookupsAsync(http, mailbox, targets, duration);
        await Task.WhenAll(context, lookups);
        return (await lookups, await context);
    }

    private static async Task<ContextLoadBench.LoadResult> LookupsAsync(HttpClient http, string mailbox, IReadOnlyList<string> targets, TimeSpan duration)
    {
        var latencies = new List<double>[LookupClients];
        var errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var began = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, LookupClients).Select(async client =>
        {
            var random = new Random(1000 + client);
            var mine = latencies[client] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var path = $"/api/mailboxes/{Uri.EscapeDataString(mailbox)}/intros?to={Uri.EscapeDataString(targets[random.Next(targets.Count)])}";
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }

                Interlocked.Increment(ref answers);
                if (body.Length > 2)
                {
                    Interlocked.Increment(ref answersWithPaths);
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(began).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new ContextLoadBench.LoadResult(all.Length, all.Length / elapsed, ServiceProcesses.Percentile(all, 0.50), ServiceProcesses.Percentile(all, 0.90), ServiceProcesses.Percentile(all, 0.99), all.Length > 0 ? all[^1] : 0, errors);
    }

    /// <summary>The demo mailbox and who to ask about: its cold and dormant people, and strangers (never in contact).</summary>
    private static async Task<(string Mailbox, IReadOnlyList<string> Targets, string Kinds)> TargetsAsync(HttpClient http)
    {
        using var mailboxes = JsonDocument.Parse(await http.GetStringAsync("/api/mailboxes"));
        var mailbox = mailboxes.RootElement[0].GetProperty("id").GetString()!;
        using var contacts = JsonDocument.Parse(await http.GetStringAsync($"/api/mailboxes/{Uri.EscapeDataString(mailbox)}/contacts?all=true"));
        var all = contacts.RootElement.EnumerateArray().ToList();
        static bool Flag(JsonElement c, string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        var cold = all.Where(c => c.GetProperty("tier").GetString() == "cold" && !Flag(c, "automated") && !Flag(c, "dormant")).Select(c => c.GetProperty("address").GetString()!).Take(100).ToList();
        var dormant = all.Where(c => Flag(c, "dormant") && !Flag(c, "automated")).Select(c => c.GetProperty("address").GetString()!).Take(100).ToList();
        var strangers = Enumerable.Range(0, 50).Select(i => $"stranger{i}@elsewhere.example").ToList();
        var targets = cold.Concat(dormant).Concat(strangers).Distinct(StringComparer.Ordinal).ToList();
        return (mailbox, targets, string.Create(CultureInfo.InvariantCulture, $"{cold.Count} cold, {dormant.Count} dormant, {strangers.Count} strangers"));
    }
}
