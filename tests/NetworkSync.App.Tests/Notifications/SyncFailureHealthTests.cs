using System.Text.Json.Nodes;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Notifications;

/// <summary>
/// A tenant that never granted Mail.ReadBasic.All: every mail delta gets a 403. The service must say so where
/// an administrator looks: /healthz (the detail only to a privileged caller, as for everything per mailbox),
/// /api/me for the dashboard, and the log, with the kind and what to do.
/// </summary>
public sealed class SyncFailureHealthTests : IAsyncLifetime
{
    private const string Key = "sync-failure-health-test-key-0001";
    private const string NeverCron = "0 0 1 1 *";
    private readonly string database = CliRunner.TempPath("sync-failure.db");
    private readonly string dataFolder = CliRunner.TempPath("data");
    private ExternalGraph graph = null!;

    public async Task InitializeAsync() => graph = await ExternalGraph.StartAsync(o => o with
    {
        ApplicationPermissions = ["User.ReadBasic.All", "Calendars.ReadBasic.All", "MailboxSettings.Read"],
    });

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task A_mailbox_denied_by_Graph_shows_permission_denied_and_what_to_grant()
    {
        var environment = graph.ServiceEnvironment(dataFolder);
        environment["Sync__Cron"] = NeverCron;
        environment["FollowUps__Cron"] = NeverCron;
        await using var service = await ServiceProcess.StartAsync(["--db", database], environment, Key);
        await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        var health = JsonNode.Parse(await service.Http.GetStringAsync("/healthz"))!;
        Assert.Equal("degraded", health["status"]!.GetValue<string>());
        var mailbox = Assert.Single(health["mailboxes"]!.AsArray())!;
        Assert.Equal("failed", mailbox["lastSync"]!.GetValue<string>());
        Assert.Equal("permissionDenied", mailbox["failureKind"]!.GetValue<string>());
        var whatToDo = mailbox["whatToDo"]!.GetValue<string>();
        Assert.Contains("Grant Mail.ReadBasic.All", whatToDo, StringComparison.Ordinal);
        Assert.Contains("admin consent", whatToDo, StringComparison.Ordinal);
        Assert.Equal(1, mailbox["consecutiveFailures"]!.GetValue<int>());
        Assert.Null(mailbox["nextAttempt"]);

        // Anyone else gets the status and the general reason, as before, and nothing per mailbox.
        using var anonymous = new HttpClient { BaseAddress = service.BaseAddress };
        var summary = JsonNode.Parse(await anonymous.GetStringAsync("/healthz"))!.AsObject();
        Assert.Equal(["status", "reason"], summary.Select(p => p.Key));
        Assert.Equal("degraded", summary["status"]!.GetValue<string>());

        var me = JsonNode.Parse(await service.Http.GetStringAsync("/api/me"))!;
        Assert.Equal(whatToDo, me["syncProblem"]!.GetValue<string>());
        Assert.Contains("failed (permissionDenied)", service.StandardError, StringComparison.Ordinal);
    }
}
