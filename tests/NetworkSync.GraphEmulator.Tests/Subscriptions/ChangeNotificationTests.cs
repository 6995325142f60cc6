using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

public sealed class ChangeNotificationTests
{
    [Fact]
    public async Task Message_create_update_and_delete_are_notified_with_Graphs_shape()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync("users/alice@contoso.test/messages");

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1", "edited"));
        Assert.True(session.Tenant.DeleteMessage("u1", "m1"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count >= 3, "three notifications");

        var items = session.Receiver.Delivered();
        Assert.Equal(["created", "updated", "deleted"], items.Select(i => i["changeType"]!.GetValue<string>()));
        Assert.All(items, item =>
        {
            Assert.Equal(id, item["subscriptionId"]!.GetValue<string>());
            Assert.Equal(SubscriptionSession.Iso(SubscriptionSession.Start + TimeSpan.FromDays(1)), item["subscriptionExpirationDateTime"]!.GetValue<string>());
            Assert.Equal("Users/u1/Messages/m1", item["resource"]!.GetValue<string>());
            Assert.Equal("secret-state", item["clientState"]!.GetValue<string>());
            Assert.Equal("tenant-1", item["tenantId"]!.GetValue<string>());
            var data = item["resourceData"]!;
            Assert.Equal("#Microsoft.Graph.Message", data["@odata.type"]!.GetValue<string>());
            Assert.Equal("Users/u1/Messages/m1", data["@odata.id"]!.GetValue<string>());
            Assert.Equal("m1", data["id"]!.GetValue<string>());
            Assert.Matches("^W/\".+\"$", data["@odata.etag"]!.GetValue<string>());
        });
        Assert.Equal(3, items.Select(i => i["resourceData"]!["@odata.etag"]!.GetValue<string>()).Distinct().Count());
        Assert.All(session.Receiver.Posts(), p => Assert.Equal("application/json; charset=utf-8", p.ContentType));

        // The emulator logs an attempt once it has read the answer, a moment after the receiver recorded the post.
        await Eventually.TrueAsync(() => session.Emulator.Notifications.Snapshot().Sum(e => e.ItemCount) >= 3, "three logged deliveries");
        var log = session.Emulator.Notifications.Snapshot();
        Assert.All(log, e => Assert.Equal((id, NotificationKind.Change, 202, 1), (e.SubscriptionId, e.Kind, e.Status!.Value, e.Attempt)));
        Assert.Equal(3, log.Sum(e => e.ItemCount));
        Assert.DoesNotContain("secret-state", JsonSerializer.Serialize(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_made_through_the_admin_endpoint_notify_too()
    {
        await using var session = await SubscriptionSession.StartAsync();
        await session.SubscribeAsync("users/u1/events");
        using var admin = new HttpClient { BaseAddress = session.Emulator.BaseAddress };

        (await admin.PostAsJsonAsync("_emulator/users/u1/events", TestFixtureFolder.Event("e1", "2025-03-11T09:00:00", "2025-03-11T10:00:00"))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count == 1, "the admin change's notification");

        var notifications = JsonNode.Parse(await admin.GetStringAsync(new Uri("_emulator/notifications", UriKind.Relative)))!.AsArray();
        Assert.Equal("Change", Assert.Single(notifications)!["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("_emulator/notifications", UriKind.Relative))).StatusCode);
        Assert.Equal(0, session.Emulator.Notifications.Count());
    }

    [Fact]
    public async Task A_move_is_an_update_for_the_mailbox_and_a_delete_and_create_for_the_folders()
    {
        await using var session = await SubscriptionSession.StartAsync();
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await session.SubscribeAsync("users/u1/messages", path: "mailbox");
        await session.SubscribeAsync("users/u1/mailFolders('inbox')/messages", path: "inbox");
        await session.SubscribeAsync("users/u1/mailFolders/archive/messages", path: "archive");
        await session.SubscribeAsync("users/u1/mailFolders/sentitems/messages", path: "sent");

        var newId = session.Tenant.MoveMessage("u1", "m1", "archive");
        session.Tenant.UpsertMessage("u1", "sentitems", TestFixtureFolder.Message("m2"));
        await Eventually.TrueAsync(
            () => session.Receiver.Delivered("mailbox").Count == 2 && session.Receiver.Delivered("inbox").Count == 1
                && session.Receiver.Delivered("archive").Count == 1 && session.Receiver.Delivered("sent").Count == 1,
            "notifications on every path");

        Assert.Equal("m1-in-archive", newId);
        Assert.Equal([("updated", "m1-in-archive"), ("created", "m2")], Summary(session.Receiver.Delivered("mailbox")));
        Assert.Equal([("deleted", "m1")], Summary(session.Receiver.Delivered("inbox")));
        Assert.Equal([("created", "m1-in-archive")], Summary(session.Receiver.Delivered("archive")));
        Assert.Equal([("created", "m2")], Summary(session.Receiver.Delivered("sent")));
    }

    [Fact]
    public async Task A_subscription_made_with_Prefer_ImmutableId_names_items_by_immutable_id()
    {
        await using var session = await SubscriptionSession.StartAsync();
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1.0/subscriptions")
        {
            Content = new StringContent(session.Body().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Prefer", "IdType=\"ImmutableId\"");
        using var created = await session.Graph.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        session.Tenant.MoveMessage("u1", "m1", "archive");
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count == 1, "the move's notification");

        Assert.Equal([("updated", "m1")], Summary(session.Receiver.Delivered()));
    }

    [Fact]
    public async Task Event_create_update_and_delete_are_notified()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync("users/u1/events", clientState: null);

        session.Tenant.UpsertEvent("u1", TestFixtureFolder.Event("e1", "2025-03-11T09:00:00", "2025-03-11T10:00:00"));
        session.Tenant.UpsertEvent("u1", TestFixtureFolder.Event("e1", "2025-03-11T11:00:00", "2025-03-11T12:00:00"));
        Assert.True(session.Tenant.DeleteEvent("u1", "e1"));
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("not-an-event"));
        Assert.False(session.Tenant.DeleteEvent("u1", "e1"));
        session.Tenant.UpsertEvent("u1", TestFixtureFolder.Event("e2", "2025-03-11T09:00:00", "2025-03-11T10:00:00"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count >= 4, "four event notifications");

        var items = session.Receiver.Delivered();
        Assert.Equal([("created", "e1"), ("updated", "e1"), ("deleted", "e1"), ("created", "e2")], Summary(items));
        Assert.All(items, item =>
        {
            Assert.Equal(id, item["subscriptionId"]!.GetValue<string>());
            var itemId = item["resourceData"]!["id"]!.GetValue<string>();
            Assert.Equal($"Users/u1/Events/{itemId}", item["resource"]!.GetValue<string>());
            Assert.Equal($"Users/u1/Events/{itemId}", item["resourceData"]!["@odata.id"]!.GetValue<string>());
            Assert.Equal("#Microsoft.Graph.Event", item["resourceData"]!["@odata.type"]!.GetValue<string>());
            Assert.Equal(JsonValueKind.Null, item["clientState"]?.GetValueKind() ?? JsonValueKind.Null);
        });
    }

    [Fact]
    public async Task Only_the_subscribed_change_types_folder_and_mailbox_are_notified()
    {
        await using var session = await SubscriptionSession.StartAsync();
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await session.SubscribeAsync("users/u1/mailFolders/inbox/messages", changeType: "created");

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1", "edited"));
        session.Tenant.DeleteMessage("u1", "m1");
        session.Tenant.UpsertMessage("u1", "archive", TestFixtureFolder.Message("elsewhere"));
        session.Tenant.UpsertMessage("u2", "inbox", TestFixtureFolder.Message("bobs"));
        session.Tenant.UpsertEvent("u1", TestFixtureFolder.Event("e1", "2025-03-11T09:00:00", "2025-03-11T10:00:00"));
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m2"));

        // m2 comes after the others through the same subscription, so anything they produced would come first.
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count >= 1, "the created notification");
        Assert.Equal([("created", "m2")], Summary(session.Receiver.Delivered()));
    }

    [Fact]
    public async Task An_expired_subscription_gets_nothing()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var expiring = await session.SubscribeAsync(path: "expiring", expiresIn: TimeSpan.FromHours(1));
        await session.SubscribeAsync(path: "lasting", expiresIn: TimeSpan.FromDays(2));
        session.Clock.Advance(TimeSpan.FromHours(2));

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered("lasting").Count == 1, "the lasting subscription's notification");

        Assert.Empty(session.Receiver.Posts("expiring"));
        Assert.Equal(0, session.Emulator.Notifications.Count(expiring));
    }

    [Fact]
    public async Task A_mutation_without_subscriptions_sends_nothing()
    {
        await using var session = await SubscriptionSession.StartAsync();

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("before"));
        session.Tenant.UpsertEvent("u1", TestFixtureFolder.Event("e1", "2025-03-11T09:00:00", "2025-03-11T10:00:00"));
        var id = await session.SubscribeAsync();
        var (deleted, _) = await session.Graph.SendAsync(HttpMethod.Delete, $"v1.0/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("while-deleted"));
        await session.SubscribeAsync(path: "second");
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("after"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered("second").Count == 1, "the control notification");
        // The emulator logs a delivery only once the receiver's answer is back, a moment after the receiver saw it.
        await Eventually.TrueAsync(() => session.Emulator.Notifications.Count() >= 1, "the control notification logged");

        Assert.Empty(session.Receiver.Posts());
        Assert.Equal([("created", "after")], Summary(session.Receiver.Delivered("second")));
        Assert.Equal(1, session.Emulator.Notifications.Count());
    }

    [Fact]
    public async Task A_failed_POST_is_retried_with_the_same_items()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync();
        session.Receiver.FailNextNotifications = 2;

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count == 1, "a delivered notification");

        var posts = session.Receiver.Posts();
        Assert.Equal([500, 500, 202], posts.Select(p => p.Status));
        Assert.All(posts, p => Assert.Equal(posts[^1].Body.ToJsonString(), p.Body.ToJsonString()));
        await Eventually.TrueAsync(() => session.Emulator.Notifications.Count(id) == 3, "three logged attempts");
        Assert.Equal([(1, 500), (2, 500), (3, 202)], session.Emulator.Notifications.Snapshot().Select(e => (e.Attempt, e.Status!.Value)));
    }

    [Fact]
    public async Task Delivery_gives_up_after_the_configured_retries()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync();
        session.Receiver.FailNextNotifications = 100;

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await Eventually.TrueAsync(() => session.Emulator.Notifications.Count(id) == 3, "three logged attempts");
        session.Receiver.FailNextNotifications = 0;
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m2"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count == 1, "the next change's notification");

        Assert.Equal([("created", "m2")], Summary(session.Receiver.Delivered()));
        Assert.Equal(4, session.Receiver.Posts().Count);
        Assert.All(session.Emulator.Notifications.Snapshot().Take(3), e => Assert.False(e.Succeeded));
    }

    [Fact]
    public async Task A_slow_receiver_times_out_and_never_blocks_a_mutation()
    {
        await using var session = await SubscriptionSession.StartAsync(o => o with { NotificationTimeout = TimeSpan.FromMilliseconds(300), NotificationRetryDelays = [] });
        var id = await session.SubscribeAsync();
        session.Receiver.NotificationDelay = TimeSpan.FromSeconds(3);

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message($"m{i}"));
        }

        stopwatch.Stop();
        await Eventually.TrueAsync(() => session.Emulator.Notifications.Count(id) >= 1, "a logged attempt");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"20 mutations took {stopwatch.Elapsed}");
        var attempt = session.Emulator.Notifications.Snapshot()[0];
        Assert.Null(attempt.Status);
        Assert.Contains("No answer within", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_that_takes_longer_than_Graphs_3_seconds_gets_the_notification_again()
    {
        var graphDefaults = new GraphEmulatorOptions();
        Assert.Equal(TimeSpan.FromSeconds(3), graphDefaults.NotificationTimeout);
        await using var session = await SubscriptionSession.StartAsync(o => o with { NotificationTimeout = graphDefaults.NotificationTimeout });
        var id = await session.SubscribeAsync();
        session.Receiver.SlowDelay = TimeSpan.FromSeconds(3.4);
        session.Receiver.SlowNextNotifications = 1;

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1"));
        await Eventually.TrueAsync(() => session.Emulator.Notifications.Snapshot().Any(e => e.Succeeded), "the resent notification", TimeSpan.FromSeconds(15));

        var attempts = session.Emulator.Notifications.Snapshot().Where(e => e.SubscriptionId == id).ToList();
        Assert.Equal([1, 2], attempts.Select(a => a.Attempt));
        Assert.Equal("No answer within 3 s.", attempts[0].Error);
        Assert.True(attempts[1].Succeeded);
        var posts = session.Receiver.Posts();
        Assert.Equal(2, posts.Count); // the receiver saw the same notification twice: it must be idempotent
        Assert.Equal(posts[0].Items.Single()["resource"]!.GetValue<string>(), posts[1].Items.Single()["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_endpoint_that_stays_slow_is_delayed_then_dropped()
    {
        // Graph's figures scaled down a hundredfold: answers over 29 ms are slow, and the share is judged after 4 answers.
        await using var session = await SubscriptionSession.StartAsync(o => o with
        {
            NotificationTimeout = TimeSpan.FromSeconds(2),
            SlowAnswerThreshold = TimeSpan.FromMilliseconds(29),
            SlowEndpointMinimumAnswers = 4,
            SlowEndpointDelay = TimeSpan.FromMilliseconds(100),
            NotificationRetryDelays = [],
        });
        var id = await session.SubscribeAsync();
        session.Receiver.NotificationDelay = TimeSpan.FromMilliseconds(150);

        for (var i = 0; i < 6; i++)
        {
            session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message($"m{i}"));
            await Eventually.TrueAsync(() => session.Emulator.Notifications.Count(id) == i + 1, $"attempt {i + 1}");
        }

        var log = session.Emulator.Notifications.Snapshot();
        Assert.All(log.Take(4), e => Assert.True(e.Succeeded, e.Error)); // slow but answered: delivered
        Assert.All(log.Skip(4), e => Assert.StartsWith("Dropped:", e.Error, StringComparison.Ordinal));
        Assert.Equal(4, session.Receiver.Posts().Count);
    }

    [Fact]
    public async Task Changes_queued_together_are_batched_at_most_100_per_POST()
    {
        await using var session = await SubscriptionSession.StartAsync(o => o with { NotificationBatchWindow = TimeSpan.FromSeconds(1) });
        await session.SubscribeAsync();

        for (var i = 0; i < 250; i++)
        {
            session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message($"m{i}"));
        }

        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count == 250, "250 notifications");

        Assert.Equal([100, 100, 50], session.Receiver.Posts().Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"m{i}"), session.Receiver.Delivered().Select(i => i["resourceData"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Loading_a_fixture_notifies_nobody()
    {
        using var fixture = new TestFixtureFolder()
            .Users(TestFixtureFolder.User("u1", "alice@contoso.test"))
            .Messages("u1", "inbox", TestFixtureFolder.Message("m1"));
        await using var session = await SubscriptionSession.StartAsync(o => o with { FixturePath = fixture.Root });

        await session.SubscribeAsync();
        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m2"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered().Count == 1, "the change's notification");

        Assert.Equal([("created", "m2")], Summary(session.Receiver.Delivered()));
        Assert.Equal(2, session.Tenant.MessageCount("u1", "inbox"));
    }

    private static List<(string ChangeType, string Id)> Summary(IEnumerable<JsonObject> items) =>
        [.. items.Select(i => (i["changeType"]!.GetValue<string>(), i["resourceData"]!["id"]!.GetValue<string>()))];
}
