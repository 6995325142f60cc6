using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetworkSync.App.Tests.Security;

/// <summary>The API's per-caller rate limit, on a real service with a tiny bucket.</summary>
public sealed class RateLimitTests
{
    private const string Key = "rate-limit-test-key-0123456789";

    [Fact]
    public async Task A_caller_over_its_limit_gets_429_with_retry_after_while_health_and_pages_stay_open()
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "networksync.dll"), "serve", "--fixture", fixture, "--db", CliRunner.TempPath("limits.db"), "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NETWORKSYNC_LOCAL_KEY"] = Key;
        start.Environment["Api__RateLimit__PermitsPerSecond"] = "1";
        start.Environment["Api__RateLimit__Burst"] = "3";
        using var process = Process.Start(start)!;
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            http.DefaultRequestHeaders.Add("X-NetworkSync-Key", Key);

            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 8; i++)
            {
                var response = await http.GetAsync("/api/followups");
                statuses.Add(response.StatusCode);
                refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
            }

            Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
            Assert.NotNull(refused);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/addin/taskpane.html")).StatusCode);

            // The bucket refills: a second later the caller is served again.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync("/api/followups")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
