using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Application.Notifications;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Notifications;

/// <summary>
/// The webhook's gate: only a notification naming a subscription of this service, with that subscription's
/// clientState, leads to work; everything else is counted as rejected and leads to nothing.
/// </summary>
public sealed class NotificationReceiverTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "s3cret-client-state-for-sub-1";
    private const string OtherSecret = "s3cret-client-state-for-sub-2";
    private readonly SqliteDatabase database = new(new StorageOptions { DatabasePath = CliRunner.TempPath("notifications.db") });
    private readonly RecordingSyncTrigger trigger = new();
    private NotificationReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync(CancellationToken.None);
        var store = new SubscriptionStore(database);
        await store.SaveAsync(Row("sub-1", "mailbox-a", "messages", Secret), CancellationToken.None);
        await store.SaveAsync(Row("sub-2", "mailbox-b", "events", OtherSecret), CancellationToken.None);
        receiver = new NotificationReceiver(store, trigger, TimeProvider.System, NullLogger<NotificationReceiver>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_notification_with_its_subscriptions_clientState_queues_one_sync_of_that_mailbox()
    {
        var outcome = await ReceiveAsync([Change("sub-1", Secret), Change("sub-1", Secret, "updated"), Change("sub-1", Secret, "deleted")]);

        Assert.Equal((3, 0), (outcome.Accepted, outcome.Rejected));
        Assert.Equal(["mailbox-a"], trigger.Syncs);
        Assert.Empty(trigger.Maintenance);
    }

    [Theory]
    [InlineData("sub-1", OtherSecret)] // another subscription's secret
    [InlineData("sub-1", "")]
    [InlineData("sub-1", null)]
    [InlineData("sub-1", "S3CRET-CLIENT-STATE-FOR-SUB-1")] // case matters
    [InlineData("sub-1", Secret + " ")]
    [InlineData("unknown-subscription", Secret)]
    [InlineData(null, Secret)]
    [InlineData("", Secret)]
    public async Task Without_the_right_clientState_for_a_known_subscription_nothing_happens(string? subscriptionId, string? clientState)
    {
        var outcome = await ReceiveAsync([Change(subscriptionId, clientState)]);

        Assert.Equal((0, 1), (outcome.Accepted, outcome.Rejected));
        Assert.Empty(trigger.Syncs);
        Assert.Empty(trigger.Maintenance);
    }

    [Fact]
    public async Task The_stored_hash_is_not_a_clientState()
    {
        var outcome = await ReceiveAsync([Change("sub-1", ClientStateSecret.Hash(Secret))]);

        Assert.Equal(1, outcome.Rejected);
        Assert.Empty(trigger.Syncs);
    }

    [Fact]
    public async Task A_huge_clientState_or_id_is_rejected_without_a_lookup_cost()
    {
        var huge = new string('x', 100_000);
        var outcome = await ReceiveAsync([Change("sub-1", huge), Change(huge, Secret)]);

        Assert.Equal((0, 2), (outcome.Accepted, outcome.Rejected));
        Assert.Empty(trigger.Syncs);
    }

    [Fact]
    public async Task In_a_mixed_batch_the_genuine_items_count_and_the_forged_ones_do_not()
    {
        var outcome = await ReceiveAsync([Change("sub-2", "forged"), Change("sub-1", Secret), Change("sub-2", Secret)]);

        Assert.Equal((1, 2), (outcome.Accepted, outcome.Rejected));
        Assert.Equal(["mailbox-a"], trigger.Syncs);
    }

    [Fact]
    public async Task Lifecycle_events_ask_for_maintenance_and_a_catch_up_sync_and_missed_only_for_the_sync()
    {
        var removed = await receiver.ReceiveAsync([Lifecycle("sub-1", Secret, "subscriptionRemoved")], lifecycle: true, CancellationToken.None);
        var missed = await receiver.ReceiveAsync([Lifecycle("sub-2", OtherSecret, "missed")], lifecycle: true, CancellationToken.None);
        var forged = await receiver.ReceiveAsync([Lifecycle("sub-2", Secret, "reauthorizationRequired")], lifecycle: true, CancellationToken.None);

        Assert.Equal((1, 1, 0), (removed.Accepted, missed.Accepted, forged.Accepted));
        Assert.Equal(["sub-1"], trigger.Maintenance);
        Assert.Equal(["mailbox-a", "mailbox-b"], trigger.Syncs);
        var store = new SubscriptionStore(database);
        Assert.Equal(0, (await store.FindAsync("sub-1", CancellationToken.None))!.ExpiresMs); // removed: to be replaced
        Assert.True((await store.FindAsync("sub-2", CancellationToken.None))!.ExpiresMs > DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds()); // forged: untouched
    }

    [Fact]
    public async Task Reauthorization_marks_the_subscription_due_for_renewal_not_for_replacement()
    {
        await receiver.ReceiveAsync([Lifecycle("sub-2", OtherSecret, "reauthorizationRequired")], lifecycle: true, CancellationToken.None);

        var expires = (await new SubscriptionStore(database).FindAsync("sub-2", CancellationToken.None))!.ExpiresMs;
        Assert.InRange(expires, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds());
        Assert.Equal(["sub-2"], trigger.Maintenance);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"value\":[]}")]
    [InlineData("{\"value\":{}}")]
    [InlineData("{\"value\":\"x\"}")]
    public async Task A_body_that_is_not_a_notification_post_is_a_format_error(string body)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        await Assert.ThrowsAsync<FormatException>(() => ChangeNotificationParser.ParseAsync(stream, CancellationToken.None));
    }

    [Fact]
    public async Task Items_of_the_wrong_shape_parse_to_nothing_and_are_rejected()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"value":[1,"x",null,{"subscriptionId":5,"clientState":{"a":1}},{"subscriptionId":"sub-1","clientState":"s3cret-client-state-for-sub-1"}]}"""));
        var items = await ChangeNotificationParser.ParseAsync(stream, CancellationToken.None);
        var outcome = await receiver.ReceiveAsync(items, lifecycle: false, CancellationToken.None);

        Assert.Equal(5, items.Count);
        Assert.Equal((1, 4), (outcome.Accepted, outcome.Rejected));
    }

    [Fact]
    public void Each_new_clientState_is_random_url_safe_and_within_Graphs_limit()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ClientStateSecret.New()).ToList();

        Assert.Equal(100, secrets.Distinct(StringComparer.Ordinal).Count());
        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
        Assert.True(ClientStateSecret.Matches(secrets[0], ClientStateSecret.Hash(secrets[0])));
        Assert.False(ClientStateSecret.Matches(secrets[1], ClientStateSecret.Hash(secrets[0])));
    }

    private Task<NotificationOutcome> ReceiveAsync(IReadOnlyList<ChangeNotification> items) =>
        receiver.ReceiveAsync(items, lifecycle: false, CancellationToken.None);

    private static ChangeNotification Change(string? subscriptionId, string? clientState, string changeType = "created") =>
        new(subscriptionId, clientState, changeType, null);

    private static ChangeNotification Lifecycle(string subscriptionId, string clientState, string lifecycleEvent) =>
        new(subscriptionId, clientState, null, lifecycleEvent);

    private static SubscriptionRow Row(string id, string mailbox, string collection, string secret) => new()
    {
        Id = id,
        MailboxId = mailbox,
        Collection = collection,
        ClientStateHash = ClientStateSecret.Hash(secret),
        ExpiresMs = DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeMilliseconds(),
    };
}
