using NetworkSync.App.Api;
using NetworkSync.Application.Context;
using NetworkSync.Application.Settings;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

/// <summary>Each test changes the user's settings or corrections, so each has its own mailbox.</summary>
public sealed class SettingsAndCorrectionsTests
{
    private static readonly string[] WeekDays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    [Fact]
    public async Task Settings_read_the_users_choice_then_outlooks_then_configuration()
    {
        await using var mailbox = await StartAsync();
        using var services = new NetworkApiServices(mailbox.Database, mailbox.Clock);
        var row = await services.MailboxAsync();

        var defaults = await services.Settings.GetAsync(row, CancellationToken.None);
        Assert.Equal(180, defaults.DormantDays);
        Assert.Equal(("UTC", "09:00", "17:00"), (defaults.WorkingHours.TimeZone, defaults.WorkingHours.Start, defaults.WorkingHours.End));
        Assert.Equal(WeekDays, defaults.WorkingHours.Days);
        Assert.True(defaults.TodoEnabled);   // demo mode

        await new MailboxSettingsStore(mailbox.Database).UpdateAsync(row.Id, r =>
        {
            r.OutlookTimeZone = "Pacific Standard Time";
            r.OutlookWorkingDays = "monday,tuesday,wednesday,thursday";
            r.OutlookWorkStart = "08:00";
            r.OutlookWorkEnd = "16:00";
        }, Now, CancellationToken.None);
        var outlook = await services.Settings.GetAsync(row, CancellationToken.None);
        Assert.Equal(("Pacific Standard Time", "08:00", "16:00", 4), (outlook.WorkingHours.TimeZone, outlook.WorkingHours.Start, outlook.WorkingHours.End, outlook.WorkingHours.Days.Count));

        var saved = await services.Settings.UpdateAsync(row, new SettingsUpdate
        {
            DormantDays = 90,
            WorkingHours = new WorkingHoursUpdate { TimeZone = "Europe/Berlin", Days = ["Sunday", "monday", "MONDAY"], Start = "07:30", End = "15:45" },
            TodoEnabled = false,
        }, CancellationToken.None);
        var again = await services.Settings.GetAsync(row, CancellationToken.None);
        Assert.Equal(Json(saved), Json(again));
        Assert.Equal(90, again.DormantDays);
        Assert.Equal(("Europe/Berlin", "07:30", "15:45"), (again.WorkingHours.TimeZone, again.WorkingHours.Start, again.WorkingHours.End));
        Assert.Equal(["monday", "sunday"], again.WorkingHours.Days);
        Assert.False(again.TodoEnabled);

        // Fields left out keep the choice made before.
        var partly = await services.Settings.UpdateAsync(row, new SettingsUpdate { DormantDays = 400 }, CancellationToken.None);
        Assert.Equal((400, "Europe/Berlin", false), (partly.DormantDays, partly.WorkingHours.TimeZone, partly.TodoEnabled));
    }

    [Theory]
    [InlineData(29, "UTC", "monday", "09:00", "17:00", "dormantDays")]
    [InlineData(1096, "UTC", "monday", "09:00", "17:00", "dormantDays")]
    [InlineData(30, "Mars/Olympus_Mons", "monday", "09:00", "17:00", "workingHours.timeZone")]
    [InlineData(1095, "", "monday", "09:00", "17:00", "workingHours.timeZone")]
    [InlineData(180, "UTC", "", "09:00", "17:00", "workingHours.days")]
    [InlineData(180, "UTC", "monday,funday", "09:00", "17:00", "workingHours.days")]
    [InlineData(180, "UTC", "monday", "9am", "17:00", "workingHours.start")]
    [InlineData(180, "UTC", "monday", "09:00", "24:00", "workingHours.end")]
    [InlineData(180, "UTC", "monday", "17:00", "09:00", "workingHours.end")]
    [InlineData(180, "UTC", "monday", "09:00", "09:00", "workingHours.end")]
    [InlineData(180, "Pacific Standard Time", "monday,tuesday", "09:00", "17:30", "")]
    [InlineData(180, "America/Los_Angeles", "saturday", "00:00", "23:59", "")]
    public void Settings_are_checked_before_they_are_stored(int dormantDays, string zone, string days, string start, string end, string wrong)
    {
        var update = new SettingsUpdate
        {
            DormantDays = dormantDays,
            WorkingHours = new WorkingHoursUpdate { TimeZone = zone, Days = days.Length == 0 ? [] : days.Split(','), Start = start, End = end },
        };

        Assert.Equal(wrong.Length == 0 ? [] : [wrong], UserSettingsService.Validate(update).Keys);
    }

    private static string Json(SettingsView view) => System.Text.Json.JsonSerializer.Serialize(view, NetworkApiJsonContext.Default.SettingsView);

    [Fact]
    public async Task A_lower_dormant_threshold_makes_a_quiet_relationship_dormant_at_once()
    {
        await using var mailbox = await StartAsync();
        using var services = new NetworkApiServices(mailbox.Database, mailbox.Clock);
        var row = await services.MailboxAsync();
        Assert.False((await services.Contexts.GetAsync(row, Fred, CancellationToken.None))!.Flags.Dormant);
        Assert.Equal([Hal], (await services.Listing.ListAsync(row, ContactListFilter.Dormant, null, 0, 50, CancellationToken.None)).Items.Select(i => i.Address));

        await services.Settings.UpdateAsync(row, new SettingsUpdate { DormantDays = 60 }, CancellationToken.None);

        Assert.True((await services.Contexts.GetAsync(row, Fred, CancellationToken.None))!.Flags.Dormant);
        var dormant = await services.Listing.ListAsync(row, ContactListFilter.Dormant, null, 0, 50, CancellationToken.None);
        Assert.Equal([Fred, Gina, Hal], dormant.Items.Select(i => i.Address).Order(StringComparer.Ordinal));
        Assert.False((await services.Contexts.GetAsync(row, Ana, CancellationToken.None))!.Flags.Dormant);
    }

    [Fact]
    public async Task Muting_and_marking_as_a_person_show_at_once_everywhere()
    {
        await using var mailbox = await StartAsync();
        using var services = new NetworkApiServices(mailbox.Database, mailbox.Clock);
        var row = await services.MailboxAsync();
        Assert.Contains((await services.Listing.ListAsync(row, ContactListFilter.Warmest, null, 0, 50, CancellationToken.None)).Items, i => i.Address == Ben);
        Assert.True((await services.Contexts.GetAsync(row, Robot, CancellationToken.None))!.Flags.Automated);

        await services.OverrideAsync(row, Ben, "muted");
        await services.OverrideAsync(row, "ghost@nowhere.example", "muted");
        await services.OverrideAsync(row, Robot, "person");

        var ben = (await services.Contexts.GetAsync(row, Ben, CancellationToken.None))!;
        Assert.True(ben.Flags.Muted && ben.Flags.Automated);
        var ghost = (await services.Contexts.GetAsync(row, "ghost@nowhere.example", CancellationToken.None))!;
        Assert.True(ghost.Flags.Muted && ghost.Flags.Automated && !ghost.Known);
        Assert.False((await services.Contexts.GetAsync(row, Robot, CancellationToken.None))!.Flags.Automated);
        Assert.DoesNotContain((await services.Listing.ListAsync(row, ContactListFilter.Warmest, null, 0, 50, CancellationToken.None)).Items, i => i.Address == Ben);
        var muted = await services.Listing.ListAsync(row, ContactListFilter.Muted, null, 0, 50, CancellationToken.None);
        Assert.Equal([Ben, "ghost@nowhere.example"], muted.Items.Select(i => i.Address));
        Assert.All(muted.Items, i => Assert.True(i.Muted));
        Assert.Equal("Ben Bauer", muted.Items[0].DisplayName);
        var settings = await services.Settings.GetAsync(row, CancellationToken.None);
        Assert.Equal([Ben, "ghost@nowhere.example"], settings.Muted);
        Assert.Equal([Robot], settings.MarkedAsPerson);
    }
}
