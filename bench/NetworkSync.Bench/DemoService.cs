using System.Diagnostics;

namespace NetworkSync.Bench;

/// <summary>
/// `networksync serve` in demo mode on the demo mailbox, in its own process on loopback, with a fresh database,
/// the local key set and the one-person rate limit lifted (the benchmark's clients stand for many people but
/// share local mode's one key; with Entra ID sign-in each user has their own). Killed on dispose.
/// </summary>
internal sealed class DemoService : IAsyncDisposable
{
    public const string Key = "bench-local-key-0123456789abcdef";

    private readonly Process process;
    private readonly SocketsHttpHandler handler;

    private DemoService(Process process, SocketsHttpHandler handler, HttpClient http, string url)
    {
        this.process = process;
        this.handler = handler;
        Http = http;
        Url = url;
    }

    public HttpClient Http { get; }

    public string Url { get; }

    public static async Task<DemoService> StartAsync(string appDll, string databaseName, int connections)
    {
        var work = Path.Combine(Path.GetTempPath(), "networksync-bench");
        var fixture = Path.Combine(work, "fixture-demo");
        if (!File.Exists(Path.Combine(fixture, "users.json")))
        {
            Console.Error.WriteLine("Generating the demo mailbox ...");
            using var generate = Process.Start(new ProcessStartInfo("dotnet", $"\"{appDll}\" demo-fixture --out \"{fixture}\"") { UseShellExecute = false })!;
            await generate.WaitForExitAsync();
        }

        var database = Path.Combine(work, databaseName);
        foreach (var file in Directory.GetFiles(work, databaseName + "*"))
        {
            File.Delete(file);
        }

        var url = $"http://127.0.0.1:{ServiceProcesses.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { appDll, "serve", "--fixture", fixture, "--db", database, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NETWORKSYNC_LOCAL_KEY"] = Key;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Demo__TrickleSeconds"] = "0";
        start.Environment["Api__RateLimit__PermitsPerSecond"] = "1000000";
        start.Environment["Api__RateLimit__Burst"] = "1000000";
        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromHours(1) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-NetworkSync-Key", Key);
        var service = new DemoService(process, handler, http, url);
        try
        {
            await ServiceProcesses.WaitHealthyAsync(http);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    public ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        process.Dispose();
        Http.Dispose();
        handler.Dispose();
        return ValueTask.CompletedTask;
    }
}
