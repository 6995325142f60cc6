using System.Text.Json.Nodes;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Notifications;

/// <summary>
/// A tenant that granted the ReadBasic permissions delta needs but not Calendars.Read, which Graph's "Create
/// subscription" page lists for event subscriptions. The emulator enforces the app roles, so the event
/// subscription gets a 403: the mailbox must keep syncing, and /healthz, /api/me and the log must name the
/// missing permission.
/// </summary>
public sealed class SubscriptionPermissionTests : IAsyncLifetime
{
    private const string Key = "subscription-permission-test-key-01";
    private const string NeverCron = "0 0 1 1 *";
    private readonly string database = CliRunner.TempPath("permissions.db");
    private readonly string dataFolder = CliRunner.TempPath("data");
    private ExternalGraph graph = null!;

    public async Task InitializeAsync() => graph = await ExternalGraph.StartAsync(o => o with
    {
        ApplicationPermissions = ["User.ReadBasic.All", "Mail.ReadBasic.All", "Calendars.ReadBasic.All", "MailboxSettings.Read"],
    });

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task A_403_on_the_event_subscription_names_Calendars_Read_and_the_mailbox_keeps_syncing()
    {
        var environment = graph.ServiceEnvironment(dataFolder);
        environment["Sync__Cron"] = NeverCron;
        environment["FollowUps__Cron"] = NeverCron;
        await using var service = await ServiceProcess.StartAsync(["--db", database], environment, Key);

        // The mail subscription is made; the event one is refused.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            service.StandardError.Contains("1 created, 0 renewed, 0 kept, 0 deleted, 1 failed", StringComparison.Ordinal))), service.StandardError);
        var subscription = Assert.Single(graph.Emulator.Subscriptions.Snapshot());
        Assert.EndsWith("/messages", subscription.Resource, StringComparison.Ordinal);
        Assert.Contains(graph.Emulator.Requests.Snapshot(), e => e.Endpoint == GraphEmulator.EndpointKind.Subscriptions && e.Status == 403);
        Assert.Contains("the app needs the Calendars.Read permission", service.StandardError, StringComparison.Ordinal);

        // Health: the sync is fine, and the missing permission is named for the mailbox.
        var health = JsonNode.Parse(await service.Http.GetStringAsync("/healthz"))!;
        var mailbox = Assert.Single(health["mailboxes"]!.AsArray())!;
        Assert.Equal("succeeded", mailbox["lastSync"]!.GetValue<string>());
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        var missing = Assert.Single(mailbox["missingPermissions"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("Calendars.Read (needed for events change notifications", missing, StringComparison.Ordinal);

        // The dashboard's source says the same.
        var me = JsonNode.Parse(await service.Http.GetStringAsync("/api/me"))!;
        Assert.Equal(missing, Assert.Single(me["missingPermissions"]!.AsArray())!.GetValue<string>());

        // And syncing goes on: new mail still arrives (through the mail subscription that worked).
        graph.Receive("AAMkPermission1", "Pat Permission", "pat.permission@fabrikam.example", "Still syncing");
        Assert.True(
            await Eventually.HoldsAsync(async () => await ExternalGraph.KnownAsync(service, "pat.permission@fabrikam.example")),
            service.StandardError);
    }
}
