using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NetworkSync.Bench;

/// <summary>
/// How fast the service answers Graph's notification POSTs under a burst. Graph resends a notification not
/// answered with 2xx within 3 seconds and treats endpoints answering over 2.9 s as slow, dropping notifications
/// for those that stay slow (change-notifications-delivery-webhooks), so the receiver must answer at once and
/// leave the sync to the background. The bench POSTs real notifications (the service's own subscriptions,
/// with their clientStates read from the emulator) to /api/notifications, <c>--concurrency</c> at a time, and
/// times each answer; every answer must be 202. Rounds after the first (JIT, connections) are reported.
/// </summary>
public static class NotificationReceiverBench
{
    public static async Task<int> RunAsync(string appDll, int posts, int concurrency, int itemsPerPost, int rounds)
    {
        using var host = await NotificationBenchHost.StartAsync(appDll, "receiver");
        var subscriptions = await host.SubscriptionsAsync();
        var bodies = subscriptions.Select(s => Body(s!, host.Owner, itemsPerPost)).ToArray();
        Console.Error.WriteLine($"Service at {host.ServiceUrl} subscribed; {rounds} rounds of {posts} POSTs, {concurrency} at a time, {itemsPerPost} notification(s) each");

        // Graph's side: its own connections, no local key (Graph sends none), loopback.
        using var graph = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(host.ServiceUrl), Timeout = TimeSpan.FromSeconds(30) };
        for (var round = 1; round <= rounds; round++)
        {
            var latencies = new double[posts];
            var next = -1;
            var failures = 0;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < posts)
                {
                    using var content = new StringContent(bodies[index % bodies.Length], Encoding.UTF8, "application/json");
                    var clock = Stopwatch.StartNew();
                    using var response = await graph.PostAsync("/api/notifications", content);
                    latencies[index] = clock.Elapsed.TotalMilliseconds;
                    if ((int)response.StatusCode != 202)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));
            wall.Stop();
            Array.Sort(latencies);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}{(round == 1 ? " (warm-up)" : "")}: {posts} POSTs in {wall.Elapsed.TotalSeconds:F2} s ({posts / wall.Elapsed.TotalSeconds:F0}/s), median {ServiceProcesses.Percentile(latencies, 0.5):F1} ms, p99 {ServiceProcesses.Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms, non-202 {failures}"));
            if (failures > 0)
            {
                return 1;
            }
        }

        return 0;
    }

    /// <summary>A notification POST as Graph sends it for a message or event change of the subscription.</summary>
    private static string Body(JsonNode subscription, string owner, int items)
    {
        var isEvents = subscription["resource"]!.GetValue<string>().EndsWith("/events", StringComparison.OrdinalIgnoreCase);
        var value = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            var id = "AAMkBurst" + Guid.NewGuid().ToString("N");
            var resource = $"Users/{owner}/{(isEvents ? "Events" : "Messages")}/{id}";
            value.Add(new JsonObject
            {
                ["subscriptionId"] = subscription["id"]!.GetValue<string>(),
                ["subscriptionExpirationDateTime"] = subscription["expirationDateTime"]!.GetValue<string>(),
                ["changeType"] = "created",
                ["resource"] = resource,
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = isEvents ? "#Microsoft.Graph.Event" : "#Microsoft.Graph.Message",
                    ["@odata.id"] = resource,
                    ["id"] = id,
                },
                ["clientState"] = subscription["clientState"]!.GetValue<string>(),
                ["tenantId"] = "emulator-tenant",
            });
        }

        return new JsonObject { ["value"] = value }.ToJsonString();
    }
}
