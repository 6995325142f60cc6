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
    private const string Key = "bench-local-key-0123456789abcdef";

    public static async Task<int> RunAsync(string appDll, int messages)
    {
        var work = Path.Combine(Path.GetTempPath(), "networksync-bench");
        var fixture = Path.Combine(work, "fixture-notify");
        if (!File.Exists(Path.Combine(fixture, "users.json")))
        {
            Console.Error.WriteLine("Generating a 40-contact mailbox ...");
            using var generate = Process.Start(new ProcessStartInfo("dotnet", $"\"{appDll}\" demo-fixture --out \"{fixture}\" --contacts 40") { UseShellExecute = false })!;
            await generate.WaitForExitAsync();
        }

        var database = Path.Combine(work, "notify.db");
        foreach (var file in Directory.GetFiles(work, "notify.db*"))
        {
            File.Delete(file);
        }

        using var emulator = Start(appDll, ["emulator", "--fixture", fixture], new Dictionary<string, string>());
        var graphBase = new Uri((await emulator.StandardOutput.ReadLineAsync()) ?? throw new InvalidOperationException("the emulator printed no URL"));
        _ = emulator.StandardError.ReadToEndAsync();
        var url = $"http://127.0.0.1:{ServiceProcesses.FreePort()}";
        using var service = Start(appDll, ["serve", "--db", database, "--urls", url], new Dictionary<string, string>
        {
            ["NETWORKSYNC_LOCAL_KEY"] = Key,
            ["DataFolder"] = Path.Combine(work, "notify-data"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Graph__TenantId"] = "emulator-tenant",
            ["Graph__AuthMode"] = "Emulator",
            ["Graph__BaseUrl"] = graphBase.ToString(),
            ["Graph__EmulatorTokenEndpoint"] = new Uri(graphBase, "/emulator-tenant/oauth2/v2.0/token").ToString(),
            ["Sync__Cron"] = "0 0 1 1 *",
            ["FollowUps__Cron"] = "0 0 1 1 *",
        });
        _ = service.StandardError.ReadToEndAsync();
        _ = service.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-NetworkSync-Key", Key);
            using var admin = new HttpClient { BaseAddress = new Uri(graphBase, "/_emulator/"), Timeout = TimeSpan.FromSeconds(30) };
            await ServiceProcesses.WaitHealthyAsync(http);
            var me = JsonNode.Parse(await http.GetStringAsync("/api/me"))!["mailbox"]!;
            var (owner, ownerMail) = (me["id"]!.GetValue<string>(), me["mail"]!.GetValue<string>());
            await WaitForSubscriptionsAsync(admin);
            Console.Error.WriteLine($"Service at {url} subscribed; sending {messages} messages one at a time");

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
        finally
        {
            service.Kill(entireProcessTree: true);
            emulator.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitForSubscriptionsAsync(HttpClient admin)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (JsonNode.Parse(await admin.GetStringAsync("subscriptions")) is not JsonArray { Count: >= 2 })
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the service did not subscribe within a minute");
            }

            await Task.Delay(100);
        }
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

    private static Process Start(string appDll, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(appDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
