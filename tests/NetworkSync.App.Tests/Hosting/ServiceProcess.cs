using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetworkSync.App.Tests.Hosting;

/// <summary>
/// `networksync serve` as a real process on a free loopback port, for tests that need the whole pipeline
/// (limits, authentication, security headers, hosted services, Hangfire). Its stderr is kept for failure
/// messages; <see cref="Http"/> carries the local key when one is given.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr = new();

    private ServiceProcess(Process process, Uri baseAddress, string? key)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            Http.DefaultRequestHeaders.Add("X-NetworkSync-Key", key);
        }

        // The rest of stdout is read too, so a full pipe never blocks the service.
        FirstOutputLine = process.StandardOutput.ReadLineAsync();
        _ = DrainAfterAsync(FirstOutputLine, process.StandardOutput);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// The first line the service printed on stdout (it announces its URL once it listens), or null if it
    /// exited first; for tests that wait for that rather than for health.
    /// </summary>
    public Task<string?> FirstOutputLine { get; }

    /// <summary>What the service wrote to stderr so far (its log).</summary>
    public string StandardError
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the service with <paramref name="args"/> after `serve` (add --urls yourself only to pick the
    /// address; by default a free loopback port), and waits until /healthz answers 200, i.e. the first sync
    /// has finished, unless <paramref name="waitForHealthy"/> is false.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? key = null, bool waitForHealthy = true, int? port = null)
    {
        var url = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "networksync.dll"), "serve" }.Concat(args).Concat(["--urls", url.ToString().TrimEnd('/')]))
        {
            start.ArgumentList.Add(arg);
        }

        if (key is not null)
        {
            start.Environment["NETWORKSYNC_LOCAL_KEY"] = key;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, url, key);
        service.process.ErrorDataReceived += (_, e) =>
        {
            lock (service.stderr)
            {
                service.stderr.AppendLine(e.Data);
            }
        };
        service.process.BeginErrorReadLine();
        if (waitForHealthy)
        {
            await service.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        }

        return service;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"networksync serve exited with {process.ExitCode}:\n{StandardError}");
            }

            try
            {
                using var response = await Http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"networksync serve did not turn healthy within {timeout}:\n{StandardError}");
    }

    /// <summary>Stops the service the way a terminal's Ctrl+C would not: at once (tests need no graceful stop).</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static async Task DrainAfterAsync(Task firstLine, StreamReader output)
    {
        await firstLine;
        await output.ReadToEndAsync();
    }
}
