using System.Text.Json;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Tests;

/// <summary>The optional mailboxSettings.json: the owner's own zone, as Outlook names it, and their working week.</summary>
[Collection(DefaultMailbox.Name)]
public sealed class MailboxSettingsFileTests(DefaultMailboxFixture fixture)
{
    [Fact]
    public void SettingsCarryTheOwnersWindowsZoneAndWeekdayHours()
    {
        var settings = fixture.MailboxSettings.RootElement;
        Assert.Equal("GMT Standard Time", settings.GetProperty("timeZone").GetString());
        var hours = settings.GetProperty("workingHours");
        Assert.Equal(
            ["monday", "tuesday", "wednesday", "thursday", "friday"],
            hours.GetProperty("daysOfWeek").EnumerateArray().Select(day => day.GetString()));
        Assert.Equal("09:00:00.0000000", hours.GetProperty("startTime").GetString());
        Assert.Equal("17:30:00.0000000", hours.GetProperty("endTime").GetString());
        Assert.Equal("GMT Standard Time", hours.GetProperty("timeZone").GetProperty("name").GetString());
        Assert.Equal(["timeZone", "workingHours"], settings.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public void TheOwnersWorkMailMostlyFallsInsideThoseHoursInThatZone()
    {
        Assert.Equal(ZoneRule.London.WindowsName, fixture.MailboxSettings.RootElement.GetProperty("timeZone").GetString());
        var owner = fixture.OwnerAddresses;
        var sent = fixture.MessagesByFolder["sentitems"]
            .Where(message => owner.Contains(GraphJson.Address(message.GetProperty("from"))))
            .Select(message => ZoneRule.London.ToLocal(GraphJson.Instant(message.GetProperty("sentDateTime"))))
            .ToList();

        var inHours = sent.Count(local => local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                                          && TimeOnly.FromDateTime(local) >= new TimeOnly(9, 0)
                                          && TimeOnly.FromDateTime(local) < new TimeOnly(17, 30));

        Assert.NotEmpty(sent);
        Assert.True(inHours > sent.Count / 2, $"{inHours} of {sent.Count} sent messages fall in the working hours");
    }

    [Fact]
    public void TheFileIsReadableGraphJson()
    {
        var text = File.ReadAllText(Path.Combine(fixture.UserFolder, "mailboxSettings.json"));
        Assert.StartsWith("{\n  \"timeZone\"", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }
}
