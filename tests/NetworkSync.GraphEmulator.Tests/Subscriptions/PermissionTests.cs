using System.Net;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

/// <summary>With ApplicationPermissions set, app-only tokens carry exactly those roles and the emulator enforces them.</summary>
public sealed class PermissionTests
{
    private const string Window = "startDateTime=2024-06-01T00:00:00Z&endDateTime=2024-06-02T00:00:00Z";

    [Fact]
    public async Task ReadBasic_roles_sync_mail_and_calendar_and_subscribe_to_mail_but_an_event_subscription_needs_Calendars_Read()
    {
        await using var session = await SubscriptionSession.StartAsync(o => o with { ApplicationPermissions = ["Mail.ReadBasic.All", "Calendars.ReadBasic.All"] });

        var (mail, _) = await session.Graph.GetAsync("v1.0/users/u1/mailFolders/inbox/messages/delta");
        var (calendar, _) = await session.Graph.GetAsync($"v1.0/users/u1/calendarView/delta?{Window}");
        var (settings, settingsError) = await session.Graph.GetAsync("v1.0/users/u1/mailboxSettings");
        var (mailSubscription, _) = await session.PostAsync(session.Body("users/u1/messages"));
        var (eventSubscription, eventError) = await session.PostAsync(session.Body("users/u1/events", path: "events"));

        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        Assert.Equal("ErrorAccessDenied", settingsError!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, mailSubscription.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, eventSubscription.StatusCode);
        Assert.Equal("ErrorAccessDenied", eventError!["error"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain(session.Receiver.Validations, v => v.Path.Contains("events", StringComparison.Ordinal));
        Assert.Equal(1, session.Emulator.Subscriptions.Count);
    }

    [Fact]
    public async Task Without_the_setting_every_role_is_granted()
    {
        await using var session = await SubscriptionSession.StartAsync();

        var (settings, _) = await session.Graph.GetAsync("v1.0/users/u1/mailboxSettings");
        var (eventSubscription, _) = await session.PostAsync(session.Body("users/u1/events"));

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Created, eventSubscription.StatusCode);
    }
}
