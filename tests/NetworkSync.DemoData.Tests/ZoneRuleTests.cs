using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Tests;

/// <summary>The built-in zone rules agree with the system time-zone database on the transitions that matter.</summary>
public sealed class ZoneRuleTests
{
    public static TheoryData<string, string> Instants => new()
    {
        { "Europe/London", "2026-03-29T00:59:00Z" }, { "Europe/London", "2026-03-29T01:00:00Z" },
        { "Europe/London", "2026-10-25T00:59:00Z" }, { "Europe/London", "2026-10-25T01:00:00Z" },
        { "Europe/Berlin", "2025-07-01T12:00:00Z" }, { "Europe/Berlin", "2025-12-01T12:00:00Z" },
        { "America/Los_Angeles", "2026-03-08T09:59:00Z" }, { "America/Los_Angeles", "2026-03-08T10:00:00Z" },
        { "America/Los_Angeles", "2026-11-01T08:59:00Z" }, { "America/Los_Angeles", "2026-11-01T09:00:00Z" },
        { "America/New_York", "2025-03-09T06:59:00Z" }, { "America/New_York", "2025-03-09T07:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void OffsetsMatchTheSystemDatabase(string iana, string utc)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var rule = iana switch
        {
            "Europe/London" => ZoneRule.London,
            "Europe/Berlin" => ZoneRule.Berlin,
            "America/Los_Angeles" => ZoneRule.PacificWindows,
            _ => ZoneRule.EasternWindows,
        };
        var expected = TimeZoneInfo.FindSystemTimeZoneById(iana).GetUtcOffset(instant);
        Assert.Equal(expected, rule.OffsetAt(instant));
    }

    [Theory]
    [InlineData("2026-01-15T10:00:00")]
    [InlineData("2026-07-15T10:00:00")]
    public void WallClockTimesRoundTripOutsideTheChangeoverHours(string local)
    {
        var wallClock = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var rule in new[] { ZoneRule.London, ZoneRule.Berlin, ZoneRule.PacificWindows, ZoneRule.EasternWindows, ZoneRule.Utc })
        {
            Assert.Equal(wallClock, rule.ToLocal(rule.FromLocal(wallClock)));
        }
    }

    [Fact]
    public void WindowsNamesAreWrittenForAmericanZones()
    {
        Assert.Equal("Pacific Standard Time", ZoneRule.PacificWindows.Name);
        Assert.Equal("Europe/London", ZoneRule.London.Name);
        Assert.Equal("UTC", ZoneRule.Utc.Name);
    }
}
