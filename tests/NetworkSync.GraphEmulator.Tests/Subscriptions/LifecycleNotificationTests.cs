using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

public sealed class LifecycleNotificationTests
{
    [Theory]
    [InlineData(LifecycleEvents.Missed)]
    [InlineData(LifecycleEvents.ReauthorizationRequired)]
    [InlineData(LifecycleEvents.SubscriptionRemoved)]
    public async Task A_lifecycle_event_is_POSTed_to_the_lifecycle_url(string lifecycleEvent)
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync(lifecyclePath: "lifecycle");

        var attempt = await session.Emulator.Subscriptions.SendLifecycleAsync(id, lifecycleEvent);

        Assert.True(attempt.Succeeded);
        Assert.Equal((NotificationKind.Lifecycle, 1, session.Receiver.Url("lifecycle")), (attempt.Kind, attempt.ItemCount, attempt.Url));
        var post = Assert.Single(session.Receiver.Posts("lifecycle"));
        var item = Assert.Single(post.Items);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.Equal(id, item["subscriptionId"]!.GetValue<string>());
        Assert.Equal(SubscriptionSession.Iso(SubscriptionSession.Start + TimeSpan.FromDays(1)), item["subscriptionExpirationDateTime"]!.GetValue<string>());
        Assert.Equal("tenant-1", item["tenantId"]!.GetValue<string>());
        Assert.Equal("secret-state", item["clientState"]!.GetValue<string>());
        Assert.Equal(lifecycleEvent, item["lifecycleEvent"]!.GetValue<string>());
        Assert.Empty(session.Receiver.Posts());

        var removed = lifecycleEvent == LifecycleEvents.SubscriptionRemoved;
        Assert.Equal(removed ? 0 : 1, session.Emulator.Subscriptions.Count);
        var (get, _) = await session.Graph.GetAsync($"v1.0/subscriptions/{id}");
        Assert.Equal(removed ? HttpStatusCode.NotFound : HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task After_subscriptionRemoved_changes_are_no_longer_notified()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var removed = await session.SubscribeAsync(lifecyclePath: "lifecycle");
        await session.SubscribeAsync(path: "control");
        await session.Emulator.Subscriptions.SendLifecycleAsync(removed, LifecycleEvents.SubscriptionRemoved);

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered("control").Count == 1, "the control notification");

        Assert.Empty(session.Receiver.Posts());
    }

    [Fact]
    public async Task The_CSharp_API_refuses_unknown_subscriptions_events_and_missing_urls()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var withoutLifecycle = await session.SubscribeAsync();
        var subscriptions = session.Emulator.Subscriptions;

        await Assert.ThrowsAsync<KeyNotFoundException>(() => subscriptions.SendLifecycleAsync("nope", LifecycleEvents.Missed));
        await Assert.ThrowsAsync<InvalidOperationException>(() => subscriptions.SendLifecycleAsync(withoutLifecycle, LifecycleEvents.Missed));
        await Assert.ThrowsAsync<ArgumentException>(() => subscriptions.SendLifecycleAsync(withoutLifecycle, "exploded"));
        Assert.Empty(session.Receiver.Posts("lifecycle"));
    }

    [Fact]
    public async Task The_admin_route_sends_lifecycle_events_and_lists_subscriptions()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync(lifecyclePath: "lifecycle");
        var withoutLifecycle = await session.SubscribeAsync();
        using var admin = new HttpClient { BaseAddress = session.Emulator.BaseAddress };

        using var sent = await admin.PostAsJsonAsync($"_emulator/subscriptions/{id}/lifecycle", new { lifecycleEvent = "reauthorizationRequired" });
        using var unknown = await admin.PostAsJsonAsync($"_emulator/subscriptions/{Guid.NewGuid()}/lifecycle", new { lifecycleEvent = "missed" });
        using var noUrl = await admin.PostAsJsonAsync($"_emulator/subscriptions/{withoutLifecycle}/lifecycle", new { lifecycleEvent = "missed" });
        using var badEvent = await admin.PostAsJsonAsync($"_emulator/subscriptions/{id}/lifecycle", new { lifecycleEvent = "exploded" });
        var listed = JsonNode.Parse(await admin.GetStringAsync(new Uri("_emulator/subscriptions", UriKind.Relative)))!.AsArray();

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(202, JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());
        Assert.Equal("reauthorizationRequired", Assert.Single(session.Receiver.Posts("lifecycle")).Items.Single()["lifecycleEvent"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUrl.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEvent.StatusCode);
        Assert.Equal([id, withoutLifecycle], listed.Select(s => s!["id"]!.GetValue<string>()));
    }
}
