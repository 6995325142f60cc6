using NetworkSync.Domain.Time;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// The user's working week: the zone and hours follow-ups are due in. Comes from the user's own
/// settings, else the mailbox's settings in Outlook, else configuration.
/// </summary>
public sealed record WorkingSchedule
{
    private static readonly DayOfWeek[] WeekDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>A Windows ("Pacific Standard Time") or IANA ("America/Los_Angeles") zone id, or "UTC".</summary>
    public string TimeZone { get; init; } = "UTC";

    public IReadOnlyList<DayOfWeek> Days { get; init; } = WeekDays;

    public TimeOnly Start { get; init; } = new(9, 0);

    public TimeOnly End { get; init; } = new(17, 0);

    public static WorkingSchedule Default { get; } = new();

    public TimeZoneInfo Zone => DateTimeTimeZoneConverter.Find(TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>
    /// The start of working hours on the first working day after the day of <paramref name="end"/>, in
    /// the user's zone. An end at exactly midnight belongs to the day before (all-day events end there).
    /// </summary>
    public DateTimeOffset NextWorkingDayAfter(DateTimeOffset end)
    {
        var zone = Zone;
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end.AddTicks(-1), zone).DateTime);
        return StartOfWorkOn(FirstWorkingDayFrom(lastDay.AddDays(1)), zone);
    }

    /// <summary>The next time work starts at or after <paramref name="instant"/> (today's start if it is still ahead).</summary>
    public DateTimeOffset NextWorkStartFrom(DateTimeOffset instant)
    {
        var zone = Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var day = FirstWorkingDayFrom(today);
        var start = StartOfWorkOn(day, zone);
        return start >= instant ? start : StartOfWorkOn(FirstWorkingDayFrom(day.AddDays(1)), zone);
    }

    private DateOnly FirstWorkingDayFrom(DateOnly day)
    {
        if (Days.Count == 0)
        {
            return day;
        }

        while (!Days.Contains(day.DayOfWeek))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private DateTimeOffset StartOfWorkOn(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(Start, DateTimeKind.Unspecified);

        // A start inside a spring-forward gap moves past the gap rather than failing.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
