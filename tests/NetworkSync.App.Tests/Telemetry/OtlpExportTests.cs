using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Telemetry;

/// <summary>
/// The real `networksync serve` process with OTEL_EXPORTER_OTLP_ENDPOINT pointed at a tiny OTLP receiver (Kestrel,
/// in this test) over http/protobuf: the service must actually POST its traces and metrics there. Without the
/// variable nothing is sent (the second test).
/// </summary>
public sealed class OtlpExportTests
{
    private const string Key = "otlp-export-test-key-0123456789";

    [Fact]
    public async Task With_the_OTLP_endpoint_set_serve_posts_traces_and_metrics_over_http_protobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Address.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_SERVICE_NAME"] = "networksync-otlp-test",
        };
        await using var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("otlp.db")], environment, Key);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await service.Http.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await service.Http.GetAsync("/api/mailboxes/dana.whitfield@contoso.example/contacts")).StatusCode);

        Assert.True(
            await Eventually.HoldsAsync(() => Task.FromResult(
                receiver.Bodies("/v1/traces").Any(b => b.Contains("networksync-otlp-test", StringComparison.Ordinal) && b.Contains("sync mailbox", StringComparison.Ordinal))
                && receiver.Bodies("/v1/metrics").Any(b => b.Contains("networksync.sync.duration", StringComparison.Ordinal))
                && receiver.Bodies("/v1/metrics").Any(b => b.Contains("http.server.request.duration", StringComparison.Ordinal)))),
            $"received: {string.Join(", ", receiver.Paths)}\n{service.StandardError}");
        Assert.All(receiver.ContentTypes, type => Assert.Equal("application/x-protobuf", type));

        // The API request's span is there, by its route, without the address its path held.
        Assert.True(
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Bodies("/v1/traces").Any(b => b.Contains("/api/mailboxes/{mailbox}/contacts", StringComparison.Ordinal)))),
            service.StandardError);
        Assert.DoesNotContain(receiver.Bodies("/v1/traces"), b => b.Contains("dana.whitfield@contoso.example", StringComparison.Ordinal));
        Assert.Contains(receiver.Bodies("/v1/metrics"), b => b.Contains("networksync.graph.requests", StringComparison.Ordinal));
        Assert.Contains(receiver.Bodies("/v1/metrics"), b => b.Contains("networksync.jobs.queue_depth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_OTLP_endpoint_nothing_is_sent()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);

        // Every other OTEL_* setting points at the receiver; only the endpoint is missing, so nothing may go out.
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = new Uri(receiver.Address, "/v1/traces").ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        await using var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("otlp-off.db")], environment, Key);
        await service.Http.GetAsync("/healthz/live");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(receiver.Paths);
    }

    /// <summary>Accepts OTLP/HTTP exports on /v1/traces and /v1/metrics and keeps what came, as Latin-1 text (protobuf strings are raw UTF-8).</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> received = new();
        private WebApplication app = null!;

        public Uri Address { get; private set; } = null!;

        public IReadOnlyList<string> Paths => [.. received.Select(r => r.Path)];

        public IReadOnlyList<string> ContentTypes => [.. received.Select(r => r.ContentType)];

        public static async Task<OtlpReceiver> StartAsync()
        {
            var receiver = new OtlpReceiver();
            var port = ServiceProcess.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            receiver.app = builder.Build();
            receiver.app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.received.Enqueue((request.Path.Value ?? string.Empty, request.ContentType ?? string.Empty, Encoding.Latin1.GetString(body.ToArray())));
                return Results.Ok();
            });
            await receiver.app.StartAsync();
            receiver.Address = new Uri($"http://127.0.0.1:{port}/");
            return receiver;
        }

        public IEnumerable<string> Bodies(string path) => received.Where(r => r.Path == path).Select(r => r.Body);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
