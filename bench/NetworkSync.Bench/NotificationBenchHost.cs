using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NetworkSync.Bench;

/// <summary>
/// What the change-notification benches share: a Graph emulator and `networksync serve` as separate processes,
/// the service pointed at the emulator as at a tenant (scheduled syncs pushed a year away, logs at Warning),
/// healthy and subscribed to the owner's mail and calendar.
/// </summary>
internal sealed class NotificationBenchHost : IDisposable
{
    public const string Key = "bench-local-key-0123456789abcdef";

    private readonly Process emulator;
    private readonly Process service;

    private NotificationBenchHost(Process emulator, Process service, HttpClient http, HttpClient admin, string serviceUrl)
    {
        this.emulator = emulator;
        this.service = service;
        Http = http;
        Admin = admin;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The service, with the local key.</summary>
    public HttpClient Http { get; }

    /// <summary>The emulator's /_emulator/ admin API.</summary>
    public HttpClient Admin { get; }

    public string ServiceUrl { get; }

    public string Owner { get; private set; } = "";

    public string OwnerMail { get; private set; } = "";

    public static async Task<NotificationBenchHost> StartAsync(string appDll, string name)
    {
        var work = Path.Combine(Path.GetTempPath(), "networksync-bench");
        var fixture = Path.Combine(work, "fixture-notify");
        if (!File.Exists(Path.Combine(fixture, "users.json")))
        {
            Console.Error.WriteLine("Generating a 40-contact mailbox ...");
            using var generate = Process.Start(new ProcessStartInfo("dotnet", $"\"{appDll}\" demo-fixture --out \"{fixture}\" --contacts 40") { UseShellExecute = false })!;
            await generate.WaitForExitAsync();
        }

        var database = Path.Combine(work, name + ".db");
        foreach (var file in Directory.GetFiles(work, name + ".db*"))
        {
            File.Delete(file);
        }

        var emulator = Start(appDll, ["emulator", "--fixture", fixture], new Dictionary<string, string>());
        var graphBase = new Uri((await emulator.StandardOutput.ReadLineAsync()) ?? throw new InvalidOperationException("the emulator printed no URL"));
        _ = emulator.StandardError.ReadToEndAsync();
        var url = $"http://127.0.0.1:{ServiceProcesses.FreePort()}";
        var service = Start(appDll, ["serve", "--db", database, "--urls", url], new Dictionary<string, string>
        {
            ["NETWORKSYNC_LOCAL_KEY"] = Key,
            ["DataFolder"] = Path.Combine(work, name + "-data"),
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
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-NetworkSync-Key", Key);
        var admin = new HttpClient { BaseAddress = new Uri(graphBase, "/_emulator/"), Timeout = TimeSpan.FromSeconds(30) };
        var host = new NotificationBenchHost(emulator, service, http, admin, url);
        try
        {
            await ServiceProcesses.WaitHealthyAsync(http);
            var me = JsonNode.Parse(await http.GetStringAsync("/api/me"))!["mailbox"]!;
            (host.Owner, host.OwnerMail) = (me["id"]!.GetValue<string>(), me["mail"]!.GetValue<string>());
            await host.SubscriptionsAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The service's two subscriptions as the emulator holds them (client states included), once both exist.</summary>
    public async Task<JsonArray> SubscriptionsAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (JsonNode.Parse(await Admin.GetStringAsync("subscriptions")) is JsonArray { Count: >= 2 } subscriptions)
            {
                return subscriptions;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the service did not subscribe within a minute");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        service.Kill(entireProcessTree: true);
        emulator.Kill(entireProcessTree: true);
        service.Dispose();
        emulator.Dispose();
        Http.Dispose();
        Admin.Dispose();
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
