using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Domain.Tests.FollowUps;

public sealed class WorkingScheduleTests
{
    [Fact]
    public void A_sunday_to_thursday_week_skips_friday_and_saturday()
    {
        var schedule = new WorkingSchedule
        {
            TimeZone = "Asia/Jerusalem",
            Days = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
            Start = new TimeOnly(8, 30),
        };

        // Thursday 4 June 2026, 15:00 in Jerusalem (UTC+3): next working day is Sunday 7 June, 08:30 = 05:30 UTC.
        var due = schedule.NextWorkingDayAfter(new DateTimeOffset(2026, 6, 4, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 6, 7, 5, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Work_start_follows_daylight_saving_time()
    {
        // London: Friday 27 March 2026 is GMT, Monday 30 March is BST (clocks went forward on the 29th).
        var schedule = new WorkingSchedule { TimeZone = "GMT Standard Time" };

        var due = schedule.NextWorkingDayAfter(new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), due);
    }

    [Theory]
    [InlineData("2026-06-02T15:59:00Z", "2026-06-02T16:00:00Z")]
    [InlineData("2026-06-02T16:00:00Z", "2026-06-02T16:00:00Z")]
    [InlineData("2026-06-02T16:01:00Z", "2026-06-03T16:00:00Z")]
    [InlineData("2026-06-06T12:00:00Z", "2026-06-08T16:00:00Z")]
    public void The_next_work_start_is_today_when_still_ahead(string instant, string expected)
    {
        var schedule = new WorkingSchedule { TimeZone = "America/Los_Angeles" };

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.NextWorkStartFrom(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc()
    {
        var schedule = new WorkingSchedule { TimeZone = "Mars/Olympus_Mons" };

        Assert.Equal(new DateTimeOffset(2026, 6, 3, 9, 0, 0, TimeSpan.Zero), schedule.NextWorkingDayAfter(new DateTimeOffset(2026, 6, 2, 12, 0, 0, TimeSpan.Zero)));
    }
}
