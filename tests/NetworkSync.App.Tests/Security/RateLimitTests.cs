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
        var sending = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 8; i++)
        {
            var response = await http.GetAsync("/api/followups");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // The burst of 3, plus one refill for each whole second the eight requests took (a loaded machine is slow).
        var served = statuses.Count(s => s != HttpStatusCode.TooManyRequests);
        Assert.InRange(served, 3, 3 + (int)sending.Elapsed.TotalSeconds);
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/addin/taskpane.html")).StatusCode);

        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());

        // The bucket refills: a second later the caller is served again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.GetAsync("/api/followups")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_webhook_posts_from_the_users_own_address_use_their_own_bucket_not_the_users()
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        var environment = new Dictionary<string, string>
        {
            ["Api__RateLimit__PermitsPerSecond"] = "1",
            ["Api__RateLimit__Burst"] = "3",

            // The webhook's bucket has its own (normally far larger) size; tiny here so it runs dry.
            ["Api__RateLimit__NotificationPermitsPerSecond"] = "1",
            ["Api__RateLimit__NotificationBurst"] = "3",
        };
        await using var service = await StartOwnAsync(fixture, environment);
        using var anonymous = new HttpClient { BaseAddress = service.BaseAddress };

        // Well over the burst: the webhook's own bucket runs dry (429), from loopback like the user.
        var webhook = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var post = await anonymous.PostAsync("/api/notifications", new StringContent("""{"value":[]}""", System.Text.Encoding.UTF8, "application/json"));
            webhook.Add(post.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, webhook);

        // The user's bucket is untouched: the first calls within the burst are all served.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await service.Http.GetAsync("/api/followups")).StatusCode);
        }
    }

    /// <summary>
    /// Starts a service that printed its own URL: on a port another process took between the pick and the
    /// bind, it exits without printing, and the requests would reach that other process instead.
    /// </summary>
    private static async Task<ServiceProcess> StartOwnAsync(string fixture, Dictionary<string, string> environment)
    {
        for (var attempt = 1; ; attempt++)
        {
            var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("webhook-limits.db")], environment, Key, waitForHealthy: false);
            var printed = await service.FirstOutputLine.WaitAsync(TimeSpan.FromMinutes(1));
            if (printed?.Contains(service.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) == true)
            {
                return service;
            }

            await service.DisposeAsync();
            Assert.True(attempt < 3, $"the service did not start on its own port: {service.StandardError}");
        }
    }
}
