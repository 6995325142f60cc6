using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.Bench;

/// <summary>
/// How long new mail takes to reach the API through Graph change notifications: the emulator (its own
/// process) receives a message from a new address through its admin endpoint, notifies the service (its
/// own process, scheduled syncs pushed a year away), which syncs; the clock stops when
/// <c>GET /api/context/{address}</c> first knows the person. Messages go one at a time, so each figure
/// is one whole round trip: notification batching window, webhook, queued sync, delta read, write,
/// re-score.
/// </summary>
public static class NotificationLatencyBench
{
    public static async Task<int> RunAsync(string appDll, int messages)
    {
        using var host = await NotificationBenchHost.StartAsync(appDll, "notify");
        var (http, admin, owner, ownerMail) = (host.Http, host.Admin, host.Owner, host.OwnerMail);
        Console.Error.WriteLine($"Service at {host.ServiceUrl} subscribed; sending {messages} messages one at a time");
        var latencies = new List<double>();
        for (var i = 0; i < messages; i++)
        {
            var address = $"bench.{i}.{Guid.NewGuid():N}@fabrikam.example";
            var clock = Stopwatch.StartNew();
            using (var posted = await admin.PostAsJsonAsync($"users/{owner}/mailFolders/inbox/messages", Message(address, ownerMail)))
            {
                posted.EnsureSuccessStatusCode();
            }

            while (!await KnownAsync(http, address))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"message {i} did not reach the API within 60 s");
                }

                await Task.Delay(5);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(200);
        }

        // The first message pays for JIT and connection set-up; it is reported, not averaged in.
        var measured = latencies.Skip(1).Order().ToArray();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"notification → API: first {latencies[0]:F0} ms; then over {measured.Length}: median {ServiceProcesses.Percentile(measured, 0.5):F0} ms, p90 {ServiceProcesses.Percentile(measured, 0.9):F0} ms, max {measured[^1]:F0} ms"));
        return 0;
    }

    private static async Task<bool> KnownAsync(HttpClient http, string address)
    {
        using var response = await http.GetAsync("/api/context/" + Uri.EscapeDataString(address));
        return response.StatusCode == HttpStatusCode.OK
            && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["known"]?.GetValue<bool>() == true;
    }

    private static JsonObject Message(string from, string to)
    {
        var id = "AAMkBench" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["sentDateTime"] = now,
            ["receivedDateTime"] = now,
            ["subject"] = "Benchmark",
            ["conversationId"] = "conv-" + id,
            ["internetMessageId"] = $"<{id}@fabrikam.example>",
            ["isDraft"] = false,
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Bench Sender", ["address"] = from } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Owner", ["address"] = to } }),
        };
    }
}
