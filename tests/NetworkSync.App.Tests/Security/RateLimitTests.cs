using System.Net;
using NetworkSync.App.Tests.Hosting;

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
        var environment = new Dictionary<string, string>
        {
            ["Api__RateLimit__PermitsPerSecond"] = "1",
            ["Api__RateLimit__Burst"] = "3",
        };

        // Listening is enough (it prints its URL then): the limiter applies from the first request, first sync done or not.
        await using var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("limits.db")], environment, Key, waitForHealthy: false);
        await service.FirstOutputLine.WaitAsync(TimeSpan.FromMinutes(1));
        var http = service.Http;

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
}
