using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.GraphEmulator;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.Notifications;

/// <summary>
/// Change notifications end to end over real HTTP: `networksync serve` against a Graph emulator it does not
/// own, with every scheduled sync pushed a year away, so only a notification can bring new mail in. The
/// service subscribes (the emulator runs the validation handshake against it), the emulator posts a
/// notification when mail arrives, and the new contact shows in the API seconds later.
/// </summary>
public sealed class ChangeNotificationTests : IAsyncLifetime
{
    private const string Key = "change-notification-test-key-0123";
    private const string NeverCron = "0 0 1 1 *";
    private readonly string database = CliRunner.TempPath("notifications.db");
    private readonly string dataFolder = CliRunner.TempPath("data");
    private ExternalGraph graph = null!;

    private Emulator emulator => graph.Emulator;

    private string owner => graph.Owner;

    public async Task InitializeAsync() => graph = await ExternalGraph.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task New_mail_reaches_the_api_through_a_notification_and_forged_posts_start_nothing()
    {
        await using var service = await StartServiceAsync();
        var subscriptions = await WaitForSubscriptionsAsync(2);
        Assert.Equal(
            [$"users/{owner}/events", $"users/{owner}/messages"],
            subscriptions.Select(s => s.Resource).Order(StringComparer.Ordinal));
        Assert.All(subscriptions, s =>
        {
            Assert.Equal(new Uri(service.BaseAddress, "/api/notifications"), s.NotificationUrl);
            Assert.Equal(new Uri(service.BaseAddress, "/api/notifications/lifecycle"), s.LifecycleNotificationUrl);
            Assert.Equal("created,updated,deleted", s.ChangeType);
            Assert.Matches("^[A-Za-z0-9_-]{43}$", s.ClientState ?? "");
        });
        Assert.Equal(2, subscriptions.Select(s => s.ClientState).Distinct(StringComparer.Ordinal).Count()); // one secret each

        // A forged post for a real subscription, without its clientState: refused, and no Graph read follows.
        emulator.Requests.Clear();
        var forged = new JsonObject { ["value"] = new JsonArray(new JsonObject { ["subscriptionId"] = subscriptions[0].Id, ["clientState"] = "guess", ["changeType"] = "created" }) };
        using (var response = await service.Http.PostAsync("/api/notifications", new StringContent(forged.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, emulator.Requests.Count(mailbox: owner));

        // Real mail: the emulator notifies, the service syncs, the API knows the new person.
        const string address = "new.colleague@fabrikam.example";
        var clock = Stopwatch.StartNew();
        graph.Receive("AAMkNotified1", "New Colleague", address, "Hello from Fabrikam");
        var known = await Eventually.HoldsAsync(async () => await ExternalGraph.KnownAsync(service, address), TimeSpan.FromSeconds(60));
        clock.Stop();

        Assert.True(known, $"the new contact never appeared:\n{service.StandardError}");
        Assert.Contains(emulator.Notifications.Snapshot(), n => n.Succeeded && n.Kind == NotificationKind.Change);
        Console.WriteLine($"notification → contact in the API: {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_restart_keeps_its_subscriptions_deletes_strays_replaces_removed_ones_and_follows_a_new_address()
    {
        var port = ServiceProcess.FreePort();
        string[] ids;
        await using (var first = await StartServiceAsync(port))
        {
            ids = [.. (await WaitForSubscriptionsAsync(2)).Select(s => s.Id).Order(StringComparer.Ordinal)];

            // A subscription pointing at the service that it has no record of (a create whose answer was lost).
            await CreateStrayAsync(new Uri(first.BaseAddress, "/api/notifications"));
            Assert.Equal(3, emulator.Subscriptions.Count);
        }

        await using (var second = await StartServiceAsync(port))
        {
            await WaitForLogAsync(second, "0 created, 0 renewed, 2 kept, 1 deleted, 0 failed");
            Assert.Equal(ids, emulator.Subscriptions.Snapshot().Select(s => s.Id).Order(StringComparer.Ordinal));

            // Graph removed one: the lifecycle notification gets it replaced by a new one.
            var removed = emulator.Subscriptions.Snapshot().Single(s => s.Resource.EndsWith("/messages", StringComparison.Ordinal));
            var delivery = await emulator.Subscriptions.SendLifecycleAsync(removed.Id, LifecycleEvents.SubscriptionRemoved);
            Assert.True(delivery.Succeeded, $"lifecycle delivery: {delivery.Status} {delivery.Error}");
            var replaced = await Eventually.HoldsAsync(
                () => Task.FromResult(emulator.Subscriptions.Snapshot() is { Count: 2 } now && now.Any(s => s.Resource == removed.Resource && s.Id != removed.Id)),
                TimeSpan.FromSeconds(60));
            Assert.True(replaced, second.StandardError);

            // Recorded too (the log line follows the save), before the process is killed.
            await WaitForLogAsync(second, "1 created, 0 renewed, 1 kept, 1 deleted, 0 failed");
        }

        // The service moved: both subscriptions are replaced by ones posting to the new address.
        await using var moved = await StartServiceAsync(ServiceProcess.FreePort());
        await WaitForLogAsync(moved, "2 created, 0 renewed, 0 kept, 2 deleted, 0 failed");
        Assert.All(emulator.Subscriptions.Snapshot(), s => Assert.Equal(new Uri(moved.BaseAddress, "/api/notifications"), s.NotificationUrl));
        Assert.Equal(2, emulator.Subscriptions.Count);
    }

    [Fact]
    public async Task A_72_hour_subscription_refused_by_Graphs_4230_minute_limit_is_asked_again_within_it()
    {
        var asked = DateTimeOffset.UtcNow;
        await using var service = await StartServiceAsync(extra: new() { ["Notifications__SubscriptionHours"] = "72" });

        var subscriptions = await WaitForSubscriptionsAsync(2);

        // Each create was refused once (400 ExtensionError naming 4230 minutes), then made within the limit.
        var posts = emulator.Requests.Snapshot().Where(e => e.Endpoint == EndpointKind.Subscriptions && e.Method == "POST").ToList();
        Assert.Equal(2, posts.Count(e => e.Status == 400));
        Assert.Equal(2, posts.Count(e => e.Status == 201));
        Assert.All(subscriptions, s =>
        {
            Assert.True(s.ExpirationDateTime <= DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4230), $"{s.ExpirationDateTime:o}");
            Assert.True(s.ExpirationDateTime > asked + TimeSpan.FromMinutes(4230 - 10), $"{s.ExpirationDateTime:o}");
        });
        await WaitForLogAsync(service, "2 created, 0 renewed, 0 kept, 0 deleted, 0 failed");
    }

    private static async Task WaitForLogAsync(ServiceProcess service, string line) =>
        Assert.True(
            await Eventually.HoldsAsync(() => Task.FromResult(service.StandardError.Contains(line, StringComparison.Ordinal)), TimeSpan.FromSeconds(60)),
            $"expected \"{line}\" in the log:\n{service.StandardError}");

    private async Task<ServiceProcess> StartServiceAsync(int? port = null, Dictionary<string, string>? extra = null)
    {
        var environment = graph.ServiceEnvironment(dataFolder);
        environment["Sync__Cron"] = NeverCron;
        environment["FollowUps__Cron"] = NeverCron;
        foreach (var (name, value) in extra ?? [])
        {
            environment[name] = value;
        }

        return await ServiceProcess.StartAsync(["--db", database], environment, Key, port: port);
    }

    private async Task<IReadOnlyList<SubscriptionInfo>> WaitForSubscriptionsAsync(int count)
    {
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(emulator.Subscriptions.Count == count), TimeSpan.FromSeconds(60)), $"expected {count} subscriptions, found {emulator.Subscriptions.Count}");
        return emulator.Subscriptions.Snapshot();
    }

    private async Task CreateStrayAsync(Uri notificationUrl)
    {
        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(emulator.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "networksync-demo",
            ["client_secret"] = "demo-secret",
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.GraphBaseUrl + "/subscriptions")
        {
            Content = JsonContent.Create(new
            {
                changeType = "created",
                notificationUrl = notificationUrl.AbsoluteUri,
                resource = $"users/{owner}/messages",
                expirationDateTime = DateTimeOffset.UtcNow.AddDays(1),
                clientState = "lost-answer",
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
