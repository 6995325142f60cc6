using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace NetworkSync.Bench;

/// <summary>
/// One `networksync serve` instance of the load benchmark: a tenant (not demo mode) on the emulator in another
/// process, PostgreSQL as the store and Hangfire's storage, local mode on loopback with the bench key, its own
/// data folder. Killed on dispose.
/// </summary>
internal sealed class LoadInstance : IAsyncDisposable
{
    private readonly Process process;
    private readonly SocketsHttpHandler handler;
    private readonly string dataFolder;

    private LoadInstance(Process process, SocketsHttpHandler handler, HttpClient http, string dataFolder)
    {
        this.process = process;
        this.handler = handler;
        this.dataFolder = dataFolder;
        Http = http;
        Started = Stopwatch.GetTimestamp();
    }

    public HttpClient Http { get; }

    public long Started { get; }

    public static LoadInstance Start(string appDll, Uri graphBase, string databaseUri, string work, string name, int connections)
    {
        var dataFolder = Path.Combine(work, "load-" + name);
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        var url = $"http://127.0.0.1:{ServiceProcesses.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { appDll, "serve", "--db", databaseUri, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        // A tenant configured (so not demo mode) whose Graph is the emulator in the other process.
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["Graph__TenantId"] = "load-bench";
        start.Environment["Graph__ClientId"] = "load-bench";
        start.Environment["Graph__ClientSecret"] = "load-bench";
        start.Environment["Graph__AuthMode"] = "Emulator";
        start.Environment["Graph__BaseUrl"] = graphBase.ToString();
        start.Environment["Graph__EmulatorTokenEndpoint"] = new Uri(graphBase, "/emulator-tenant/oauth2/v2.0/token").ToString();
        start.Environment["NETWORKSYNC_LOCAL_KEY"] = DemoService.Key;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Api__RateLimit__PermitsPerSecond"] = "1000000";
        start.Environment["Api__RateLimit__Burst"] = "1000000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var log = Path.Combine(work, $"load-{name}.log");
        _ = CopyAsync(process.StandardError, log);
        _ = process.StandardOutput.ReadToEndAsync();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromHours(1) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-NetworkSync-Key", DemoService.Key);
        return new LoadInstance(process, handler, http, dataFolder);
    }

    /// <summary>Seconds from start until /healthz says the first sync (of every mailbox) has finished.</summary>
    public async Task<double> WaitFirstSyncAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the instance exited with {process.ExitCode} (see its log in the bench folder)");
            }

            try
            {
                using var response = await Http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(Started).TotalSeconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy past the client's timeout: ask again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the instance did not finish its first sync in time");
    }

    /// <summary>The process's peak resident set (VmHWM) so far, in MB.</summary>
    public double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        Http.Dispose();
        handler.Dispose();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static async Task CopyAsync(StreamReader from, string file)
    {
        await using var to = new StreamWriter(file);
        while (await from.ReadLineAsync() is { } line)
        {
            await to.WriteLineAsync(line);
        }
    }
}
