using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Tests.Storage;
using NetworkSync.Application;
using NetworkSync.Application.Sync;
using NetworkSync.Domain.FollowUps;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Configuration;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.FollowUps;

/// <summary>
/// One mailbox in the Graph emulator, synced over real HTTP by the real Graph client with the follow-up
/// pass (rules and To Do write-back) after each sync, exactly as the service wires it. The clock is the test's.
/// </summary>
internal sealed class FollowUpMailbox : IAsyncDisposable
{
    public const string UserId = "u-dana";
    public const string Dana = "dana@contoso.example";

    private Emulator emulator = null!;
    private ServiceProvider services = null!;
    private ServiceProvider metadataOnlyServices = null!;
    private SyncCoordinator coordinator = null!;
    private SyncCoordinator metadataOnly = null!;

    private FollowUpMailbox(ManualClock clock, NetworkSyncDatabase database)
    {
        Clock = clock;
        Database = database;
    }

    public ManualClock Clock { get; }

    public NetworkSyncDatabase Database { get; }

    public Emulator Emulator => emulator;

    public EmulatorTenant Tenant => emulator.Tenant;

    /// <summary>The coordinator <see cref="SyncAsync"/> syncs through (with the follow-up pass after each sync).</summary>
    public SyncCoordinator Coordinator => coordinator;

    /// <summary>The container <see cref="Coordinator"/> comes from (its meter factory, for the telemetry tests).</summary>
    public IServiceProvider Services => services;

    /// <summary>The follow-up pass that runs after each <see cref="SyncAsync"/>.</summary>
    public NetworkSync.Application.FollowUps.FollowUpPass Pass => services.GetRequiredService<NetworkSync.Application.FollowUps.FollowUpPass>();

    public static Task<FollowUpMailbox> StartAsync(DateTimeOffset now) => StartAsync(now, StorageProvider.Sqlite);

    /// <summary>As <see cref="StartAsync(DateTimeOffset)"/>, on a new database of <paramref name="provider"/>.</summary>
    public static async Task<FollowUpMailbox> StartAsync(DateTimeOffset now, StorageProvider provider)
    {
        var mailbox = new FollowUpMailbox(new ManualClock(now), await TestDatabases.CreateAsync(provider, "followups"));
        mailbox.emulator = await Emulator.StartAsync(new GraphEmulatorOptions());
        mailbox.Tenant.AddUser(new JsonObject
        {
            ["id"] = UserId,
            ["mail"] = Dana,
            ["userPrincipalName"] = Dana,
            ["displayName"] = "Dana Whitfield",
        });
        mailbox.Tenant.SetMailboxSettings(UserId, new JsonObject
        {
            ["timeZone"] = "Pacific Standard Time",
            ["workingHours"] = new JsonObject
            {
                ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                ["startTime"] = "09:00:00.0000000",
                ["endTime"] = "17:00:00.0000000",
                ["timeZone"] = new JsonObject { ["name"] = "Pacific Standard Time" },
            },
        });
        mailbox.Restart();
        return mailbox;
    }

    /// <summary>Throws the process's services away and builds them again on the same database, as a restart does.</summary>
    public void Restart()
    {
        services?.Dispose();
        metadataOnlyServices?.Dispose();
        void PointAtEmulator(GraphOptions options)
        {
            options.BaseUrl = emulator.GraphBaseUrl.ToString();
            options.AuthMode = GraphAuthMode.Emulator;
            options.EmulatorTokenEndpoint = emulator.TokenEndpoint.ToString();
            options.MaxRetryDelaySeconds = 1;
        }

        services = TestCore.Build(Database, Clock, new RunMode(Demo: true), test => test.PostConfigure<GraphOptions>(PointAtEmulator));
        metadataOnlyServices = TestCore.Build(Database, Clock, new RunMode(Demo: true), test =>
        {
            test.PostConfigure<GraphOptions>(PointAtEmulator);
            test.RemoveAll<IAfterMailboxSync>();
        });
        coordinator = services.GetRequiredService<SyncCoordinator>();
        metadataOnly = metadataOnlyServices.GetRequiredService<SyncCoordinator>();
    }

    /// <summary>Syncs the mailbox's metadata without the follow-up pass, so a test can run the pass itself.</summary>
    public async Task SyncMetadataAsync()
    {
        var summary = await metadataOnly.SyncAllAsync(null, CancellationToken.None);
        Assert.True(summary.Succeeded, string.Join("; ", summary.Mailboxes.Select(m => m.Error)));
    }

    public async Task SyncAsync()
    {
        var summary = await coordinator.SyncAllAsync(null, CancellationToken.None);
        Assert.True(summary.Succeeded, string.Join("; ", summary.Mailboxes.Select(m => m.Error)));
    }

    /// <summary>A follow-up pass without a sync, as the recurring job runs it; returns what the To Do part did.</summary>
    public async Task<NetworkSync.Application.FollowUps.Todo.TodoSyncSummary?> PassAsync()
    {
        var mailbox = (await new MailboxStore(Database).ListMailboxesAsync(CancellationToken.None)).Single();
        return (await Pass.RunPassAsync(mailbox, coordinator.Connection, CancellationToken.None)).Todo;
    }

    public Task<FollowUpRecord?> ChangeAsync(string id, Func<FollowUpRecord, FollowUpRecord?> change) =>
        services.GetRequiredService<NetworkSync.Application.FollowUps.FollowUpRunner>().ChangeAsync(UserId, id, change, Clock.Now, CancellationToken.None);

    public async Task<IReadOnlyList<FollowUpRecord>> FollowUpsAsync() =>
        await new FollowUpStore(Database).ListAsync(UserId, CancellationToken.None);

    public async Task<FollowUpRow> RowAsync(string id) =>
        (await new FollowUpStore(Database).FindRowAsync(UserId, id, CancellationToken.None))!;

    public string ListId => Tenant.GetTodoLists(UserId).Single(l => (string?)l["displayName"] == "NetworkSync follow-ups")["id"]!.GetValue<string>();

    public IReadOnlyList<JsonObject> Tasks => Tenant.GetTodoTasks(UserId, ListId);

    public static string? ExternalId(JsonObject task) =>
        task["linkedResources"]?.AsArray().Select(l => l!["externalId"]?.GetValue<string>()).FirstOrDefault();

    public JsonObject TaskFor(string followUpId) => Tasks.Single(t => ExternalId(t) == followUpId);

    /// <summary>Dana's meeting with the given people, in Graph's calendarView shape.</summary>
    public void Meeting(string id, DateTimeOffset start, TimeSpan length, string subject, params string[] people) =>
        Tenant.UpsertEvent(UserId, EventJson(id, start, length, subject, cancelled: false, people));

    public void CancelMeeting(string id, DateTimeOffset start, TimeSpan length, string subject, params string[] people) =>
        Tenant.UpsertEvent(UserId, EventJson(id, start, length, subject, cancelled: true, people));

    /// <summary>Deletes a To Do list as the user would in the To Do app.</summary>
    public Task DeleteListAsync(string listId) =>
        coordinator.Connection.Client.Users[UserId].Todo.Lists[listId].DeleteAsync();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await metadataOnlyServices.DisposeAsync();
        await emulator.DisposeAsync();
        Database.Dispose();
    }

    private static JsonObject EventJson(string id, DateTimeOffset start, TimeSpan length, string subject, bool cancelled, string[] people) => new()
    {
        ["id"] = id,
        ["type"] = "singleInstance",
        ["subject"] = subject,
        ["isAllDay"] = false,
        ["isCancelled"] = cancelled,
        ["isOrganizer"] = true,
        ["responseStatus"] = new JsonObject { ["response"] = "organizer" },
        ["start"] = new JsonObject { ["dateTime"] = Wall(start), ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = Wall(start + length), ["timeZone"] = "UTC" },
        ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Dana Whitfield", ["address"] = Dana } },
        ["attendees"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject
        {
            ["type"] = "required",
            ["status"] = new JsonObject { ["response"] = "accepted" },
            ["emailAddress"] = new JsonObject { ["name"] = p.Split('@')[0], ["address"] = p },
        }).ToArray()),
    };

    private static string Wall(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
