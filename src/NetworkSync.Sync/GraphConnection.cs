using System.Net;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Http;
using NetworkSync.Sync.Telemetry;

namespace NetworkSync.Sync;

/// <summary>
/// The real <see cref="GraphServiceClient"/>, with NetworkSync's middleware in its pipeline: our
/// Retry-After handling instead of the stock retry handler, the per-mailbox concurrency cap, the
/// budget shared with other instances (<see cref="IMailboxGraphBudget"/>), the host guard and a request counter. Tokens are attached only for the configured Graph host.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly HttpClient httpClient;

    private GraphConnection(GraphServiceClient client, HttpClient httpClient, Uri baseUrl, GraphRequestStats stats)
    {
        Client = client;
        this.httpClient = httpClient;
        BaseUrl = baseUrl;
        Stats = stats;
    }

    public GraphServiceClient Client { get; }

    public Uri BaseUrl { get; }

    public GraphRequestStats Stats { get; }

    /// <summary>A client bound by this process's own limits only (<see cref="ProcessOnlyGraphBudget"/>), whose request metrics go to a meter of its own (<see cref="NetworkSyncTelemetry.Standalone"/>): for tools and tests.</summary>
    public static GraphConnection Create(GraphOptions options, TokenCredential credential, TimeProvider time, ILoggerFactory loggerFactory) =>
        Create(options, credential, time, loggerFactory, NetworkSyncTelemetry.Standalone(time), ProcessOnlyGraphBudget.Instance);

    /// <summary>A client whose per-mailbox requests also keep to <paramref name="budget"/> (shared by the instances on a database) and whose metrics go to <paramref name="telemetry"/>.</summary>
    public static GraphConnection Create(GraphOptions options, TokenCredential credential, TimeProvider time, ILoggerFactory loggerFactory, NetworkSyncTelemetry telemetry, IMailboxGraphBudget budget)
    {
        var baseUrl = new Uri(options.BaseUrl.TrimEnd('/'));
        var stats = new GraphRequestStats();
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Remove(handlers.First(h => h is RetryHandler));
        handlers.Add(new RetryAfterHandler(
            options.MaxRetries,
            TimeSpan.FromSeconds(options.MaxRetryDelaySeconds),
            time,
            loggerFactory.CreateLogger<RetryAfterHandler>()));
        handlers.Add(new MailboxConcurrencyHandler(options.MaxConcurrentRequestsPerMailbox));
        handlers.Add(new SharedBudgetHandler(budget, time));
        handlers.Add(new GraphHostGuardHandler(baseUrl));
        handlers.Add(new RequestCountingHandler(stats, telemetry));

        var transport = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
        };
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: transport);
        httpClient.Timeout = TimeSpan.FromMinutes(5);

        var authentication = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [baseUrl.Host],
            observabilityOptions: null,
            isCaeEnabled: false,
            scopes: [GraphScope]);
        var client = new GraphServiceClient(httpClient, authentication, baseUrl.ToString().TrimEnd('/'));
        return new GraphConnection(client, httpClient, baseUrl, stats);
    }

    public void Dispose() => httpClient.Dispose();
}
