using NetworkSync.Sync.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkSync.App.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for `serve`: NetworkSync's own spans and metrics (<see cref="NetworkSyncTelemetry"/>), the
/// Hangfire queue depth, ASP.NET Core's (http.server.request.duration) and the Graph client's. Nothing leaves
/// the process unless OTEL_EXPORTER_OTLP_ENDPOINT is set; then the OTLP exporter follows the standard OTEL_*
/// variables (protocol, headers, export interval). OTEL_SERVICE_NAME defaults to "networksync".
/// </summary>
public static class ServiceTelemetry
{
    public const string DefaultServiceName = "networksync";
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddNetworkSyncTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<Jobs.JobQueueDepthGauge>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointVariable]))
        {
            return;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : DefaultServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddSource(NetworkSyncTelemetry.Name)
                // A path can hold an address (/api/mailboxes/{address}/...): spans keep the route template
                // (http.route) and lose the path itself. Query strings are redacted by the instrumentation.
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.path", null))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(NetworkSyncTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }
}
