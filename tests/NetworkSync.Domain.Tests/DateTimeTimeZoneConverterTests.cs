using NetworkSync.Domain.Time;

namespace NetworkSync.Domain.Tests;

public sealed class DateTimeTimeZoneConverterTests
{
    [Theory]
    [InlineData("2026-06-03T09:00:00.0000000", "UTC", "2026-06-03T09:00:00Z")]
    [InlineData("2026-06-03T09:00:00.0000000", "Europe/London", "2026-06-03T08:00:00Z")]
    [InlineData("2026-01-15T09:00:00.0000000", "Europe/London", "2026-01-15T09:00:00Z")]
    [InlineData("2026-06-03T09:00:00.0000000", "Pacific Standard Time", "2026-06-03T16:00:00Z")]
    [InlineData("2026-01-15T09:00:00.0000000", "Pacific Standard Time", "2026-01-15T17:00:00Z")]
    [InlineData("2026-06-03T09:00:00.0000000", "W. Europe Standard Time", "2026-06-03T07:00:00Z")]
    [InlineData("2026-06-03T09:00:00Z", "Pacific Standard Time", "2026-06-03T09:00:00Z")]
    public void Wall_clock_times_in_IANA_and_Windows_zones_convert_to_UTC(string dateTime, string zone, string expectedUtc)
    {
        Assert.True(DateTimeTimeZoneConverter.TryToUtc(dateTime, zone, out var utc));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void A_time_inside_a_spring_forward_gap_moves_past_the_gap()
    {
        Assert.True(DateTimeTimeZoneConverter.TryToUtc("2026-03-29T01:30:00", "Europe/London", out var utc));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), utc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("next tuesday")]
    public void Unreadable_dates_are_refused(string? dateTime) =>
        Assert.False(DateTimeTimeZoneConverter.TryToUtc(dateTime, "UTC", out _));
}
