using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Time;

/// <summary>
/// Places activity at realistic times of day: office mail clusters mid-morning and mid-afternoon on weekdays,
/// personal mail in the evening and at weekends, and replies wait for the responder's next waking window.
/// </summary>
internal static class ActivityClock
{
    // Relative weight of each office hour from 08:00 to 18:00, shaped after typical mail-volume curves
    // (a morning peak, a lunch dip, an afternoon plateau).
    private static readonly double[] OfficeHourWeights = [0.5, 1.2, 1.4, 1.3, 0.7, 0.9, 1.3, 1.3, 1.1, 0.7, 0.3];

    private const int FirstOfficeHour = 8;

    /// <summary>A moment on (or, for work at weekends, after) the given local day, in the person's rhythm.</summary>
    public static DateTimeOffset MomentOn(DateOnly localDay, ZoneRule zone, ActivityMode mode, SeededRandom random)
    {
        if (mode == ActivityMode.Work)
        {
            var workday = NextWorkday(localDay);
            // A little work mail is written in the evening; without it every colleague looks the same.
            var hour = random.Chance(0.04)
                ? random.Between(19, 22)
                : FirstOfficeHour + random.PickWeighted(OfficeHourWeights);
            return zone.FromLocal(At(workday, hour, random));
        }

        var weekend = localDay.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var personalHour = weekend ? random.Between(9, 22) : random.Between(18, 23);
        return zone.FromLocal(At(localDay, personalHour, random));
    }

    /// <summary>
    /// The earliest moment at or after <paramref name="instant"/> at which the person would plausibly send:
    /// out-of-hours work replies wait for the next morning, night-time personal replies for the morning.
    /// </summary>
    public static DateTimeOffset NextAvailable(DateTimeOffset instant, ZoneRule zone, ActivityMode mode, SeededRandom random)
    {
        var local = zone.ToLocal(instant);
        var day = DateOnly.FromDateTime(local);
        if (mode == ActivityMode.Work)
        {
            var isWorkday = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (isWorkday && local.Hour >= FirstOfficeHour && local.Hour < 19)
            {
                return instant;
            }

            var nextDay = isWorkday && local.Hour < FirstOfficeHour ? day : NextWorkday(day.AddDays(1));
            return zone.FromLocal(At(nextDay, FirstOfficeHour, random) + random.Between(TimeSpan.Zero, TimeSpan.FromMinutes(90)));
        }

        if (local.Hour >= 7)
        {
            return instant;
        }

        return zone.FromLocal(At(day, 7, random) + random.Between(TimeSpan.Zero, TimeSpan.FromMinutes(120)));
    }

    public static DateOnly NextWorkday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateTime At(DateOnly day, int hour, SeededRandom random) =>
        day.ToDateTime(new TimeOnly(hour, random.Next(60), random.Next(60)));
}
