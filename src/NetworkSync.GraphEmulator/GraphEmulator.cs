using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.GraphEmulator.Fixtures;
using NetworkSync.GraphEmulator.Http;
using NetworkSync.GraphEmulator.Subscriptions;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// A Microsoft Graph look-alike HTTP server on loopback, for tests, the CLI's fixture mode and demo
/// mode. See docs/graph-emulator.md for what it reproduces and what it leaves out.
/// </summary>
public sealed class GraphEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _outgoing;
    private readonly NotificationDispatcher _dispatcher;

    private GraphEmulator(
        WebApplication app, GraphEmulatorOptions options, EmulatorTenant tenant, FaultInjector faults, RequestLog requests, IReadOnlyList<FixtureProblem> problems)
    {
        _app = app;

        // The one client for validation requests and notifications. Graph follows no redirects; a per-request
        // timeout (not HttpClient.Timeout) applies, so a handshake and a notification can have different ones.
        _outgoing = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var sender = new NotificationSender(_outgoing, Notifications, options);
        _dispatcher = new NotificationDispatcher(sender, options.NotificationBatchWindow);
        Subscriptions = new EmulatorSubscriptions(options, sender, _dispatcher);
        Tenant = tenant;
        Faults = faults;
        Requests = requests;
        LoadProblems = problems;
        BaseAddress = new Uri("http://127.0.0.1/");
        GraphBaseUrl = BaseAddress;
        TokenEndpoint = BaseAddress;
        ApiTokens = new ApiTokenIssuer(() => BaseAddress, options.TenantId, options.TimeProvider ?? TimeProvider.System, options.PublishRotatedApiSigningKey);
    }

    /// <summary>http://{host}:{port}/</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>http://{host}:{port}/v1.0 — the Graph client's base URL.</summary>
    public Uri GraphBaseUrl { get; private set; }

    /// <summary>http://{host}:{port}/{tenant}/oauth2/v2.0/token</summary>
    public Uri TokenEndpoint { get; private set; }

    public EmulatorTenant Tenant { get; }

    /// <summary>
    /// Entra ID-like access tokens for the service's own API (JWT, RS256), checked against this emulator's
    /// OpenID metadata at <c>{BaseAddress}{tenant}/v2.0/.well-known/openid-configuration</c>.
    /// </summary>
    public ApiTokenIssuer ApiTokens { get; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    /// <summary>Change-notification subscriptions created through POST /v1.0/subscriptions; sends lifecycle notifications.</summary>
    public EmulatorSubscriptions Subscriptions { get; }

    /// <summary>Every change and lifecycle notification POST attempt, with its outcome.</summary>
    public NotificationLog Notifications { get; } = new();

    /// <summary>Fixture records that were skipped while loading, with the reason.</summary>
    public IReadOnlyList<FixtureProblem> LoadProblems { get; }

    public static async Task<GraphEmulator> StartAsync(GraphEmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = new EmulatorTenant(options.TimeProvider ?? TimeProvider.System);
        var problems = options.FixturePath is null
            ? []
            : await Task.Run(() => new FixtureLoader(tenant, options.FixturePath).Load(), ct).ConfigureAwait(false);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(GraphEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Kestrel's default minimum data rates (240 bytes/s after a 5 s grace) protect a public server from
            // slow clients. On loopback, under test, a "slow client" is only a starved CPU: a request body read
            // would fail with 408 (and the pipeline's work be thrown away) although nothing is wrong.
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            if (IPAddress.TryParse(options.Host, out var address))
            {
                kestrel.Listen(address, options.Port);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));

        var app = builder.Build();
        var faults = new FaultInjector(tenant.ResolveUserId);
        var requests = new RequestLog(tenant.ResolveUserId);
        var emulator = new GraphEmulator(app, options, tenant, faults, requests, problems);

        // Tokens carry this epoch. A restart on the same, unchanged fixture keeps it, so a client's delta
        // links stay valid (the CLI's second `sync --fixture` costs only delta round-trips); a changed
        // fixture, or an emulator without one, gets a new epoch and old links get 410 syncStateNotFound.
        var epoch = options.FixturePath is null ? Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) : FixtureFingerprint(options.FixturePath);
        var pipeline = new GraphPipeline(
            emulator,
            options,
            new AccessTokens(options.TokenLifetime, TimeProvider.System),
            new MailboxConcurrencyGate(options.MailboxConcurrencyLimit, requests),
            epoch,
            loggerFactory.CreateLogger<GraphEmulator>());
        app.Run(pipeline.HandleAsync);

        // Only changes made from here on notify: the fixture above was loaded without an observer.
        tenant.ChangeObserver = emulator.Subscriptions;
        emulator._dispatcher.Start();
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var host = IPAddress.TryParse(options.Host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{options.Host}]"
            : options.Host;
        emulator.BaseAddress = new Uri($"http://{host}:{port}/");
        emulator.GraphBaseUrl = new Uri($"http://{host}:{port}/v1.0");
        emulator.TokenEndpoint = new Uri($"http://{host}:{port}/{options.TenantId}/oauth2/v2.0/token");
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        Tenant.ChangeObserver = null;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _dispatcher.DisposeAsync().ConfigureAwait(false);
        _outgoing.Dispose();
    }

    private static string FixtureFingerprint(string fixturePath)
    {
        var root = Path.GetFullPath(fixturePath);
        var text = new System.Text.StringBuilder(root);
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append('|').Append(Path.GetRelativePath(root, file)).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks);
        }

        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())), 0, 4);
    }
}
