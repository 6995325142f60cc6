using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

/// <summary>
/// An emulator with users u1 (alice) and u2 (bob), a hand-moved clock and fast retries, plus a webhook
/// receiver on loopback and helpers to subscribe.
/// </summary>
internal sealed class SubscriptionSession : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private SubscriptionSession(EmulatorSession graph, WebhookReceiver receiver, FakeTimeProvider clock)
    {
        Graph = graph;
        Receiver = receiver;
        Clock = clock;
    }

    public EmulatorSession Graph { get; }

    public GraphEmulator Emulator => Graph.Emulator;

    public EmulatorTenant Tenant => Graph.Emulator.Tenant;

    public WebhookReceiver Receiver { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<SubscriptionSession> StartAsync(Func<GraphEmulatorOptions, GraphEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new GraphEmulatorOptions
        {
            TimeProvider = clock,
            SubscriptionValidationTimeout = TimeSpan.FromSeconds(5),
            NotificationTimeout = TimeSpan.FromSeconds(5),
            NotificationRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)],
            NotificationBatchWindow = TimeSpan.FromMilliseconds(50),
            TenantId = "tenant-1",
        };
        var receiver = await WebhookReceiver.StartAsync();
        var graph = await EmulatorSession.StartAsync(configure is null ? options : configure(options));
        graph.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        graph.Emulator.Tenant.AddUser(TestFixtureFolder.User("u2", "bob@contoso.test"));
        return new SubscriptionSession(graph, receiver, clock);
    }

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A subscription request body; <paramref name="expiresIn"/> defaults to one day.</summary>
    public JsonObject Body(
        string resource = "users/u1/messages", string changeType = "created,updated,deleted", string path = "notify",
        string? clientState = "secret-state", TimeSpan? expiresIn = null, string? lifecyclePath = null)
    {
        var body = new JsonObject
        {
            ["changeType"] = changeType,
            ["notificationUrl"] = Receiver.Url(path).ToString(),
            ["resource"] = resource,
            ["expirationDateTime"] = Iso(Clock.GetUtcNow() + (expiresIn ?? TimeSpan.FromDays(1))),
        };
        if (clientState is not null)
        {
            body["clientState"] = clientState;
        }

        if (lifecyclePath is not null)
        {
            body["lifecycleNotificationUrl"] = Receiver.Url(lifecyclePath).ToString();
        }

        return body;
    }

    public Task<(HttpResponseMessage Response, JsonObject? Body)> PostAsync(JsonObject body) =>
        Graph.SendAsync(HttpMethod.Post, "v1.0/subscriptions", body);

    /// <summary>Creates a subscription that must succeed; returns its id.</summary>
    public async Task<string> SubscribeAsync(
        string resource = "users/u1/messages", string changeType = "created,updated,deleted", string path = "notify",
        string? clientState = "secret-state", TimeSpan? expiresIn = null, string? lifecyclePath = null)
    {
        var (response, body) = await PostAsync(Body(resource, changeType, path, clientState, expiresIn, lifecyclePath));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return body!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
