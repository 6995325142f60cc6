namespace NetworkSync.DemoData.Time;

/// <summary>
/// A named time zone with fixed rules, enough to render Graph <c>dateTimeTimeZone</c> values and to place
/// people's activity in their working day.
/// </summary>
/// <remarks>
/// <see cref="TimeZoneInfo"/> is deliberately not used: the fixture must be byte-identical on every machine,
/// the system tz database differs between machines, and with InvariantGlobalization a Windows name such as
/// "Pacific Standard Time" cannot be resolved on Linux. The few zones here have stable, well-known rules.
/// </remarks>
internal sealed class ZoneRule
{
    public static readonly ZoneRule Utc = new("UTC", "UTC", TimeSpan.Zero, DaylightSavingRule.None);

    public static readonly ZoneRule London = new("Europe/London", "GMT Standard Time", TimeSpan.Zero, DaylightSavingRule.European);

    public static readonly ZoneRule Berlin = new("Europe/Berlin", "W. Europe Standard Time", TimeSpan.FromHours(1), DaylightSavingRule.European);

    /// <summary>New York under its Windows name, as Outlook on Windows writes it.</summary>
    public static readonly ZoneRule EasternWindows = new("Eastern Standard Time", "Eastern Standard Time", TimeSpan.FromHours(-5), DaylightSavingRule.NorthAmerican);

    /// <summary>Los Angeles under its Windows name, as Outlook on Windows writes it.</summary>
    public static readonly ZoneRule PacificWindows = new("Pacific Standard Time", "Pacific Standard Time", TimeSpan.FromHours(-8), DaylightSavingRule.NorthAmerican);

    private ZoneRule(string name, string windowsName, TimeSpan standardOffset, DaylightSavingRule daylightSaving)
    {
        Name = name;
        WindowsName = windowsName;
        StandardOffset = standardOffset;
        DaylightSaving = daylightSaving;
    }

    /// <summary>The zone name written to <c>dateTimeTimeZone.timeZone</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The Windows name (CLDR windowsZones), which Outlook writes in <c>mailboxSettings</c> whatever name
    /// the zone's events carry; e.g. "GMT Standard Time" for Europe/London.
    /// </summary>
    public string WindowsName { get; }

    public TimeSpan StandardOffset { get; }

    public DaylightSavingRule DaylightSaving { get; }

    public TimeSpan OffsetAt(DateTimeOffset instant) =>
        IsDaylightSaving(instant.UtcDateTime) ? StandardOffset + TimeSpan.FromHours(1) : StandardOffset;

    /// <summary>The wall-clock time in this zone (what Graph puts in <c>dateTime</c> for this <c>timeZone</c>).</summary>
    public DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(instant.UtcDateTime + OffsetAt(instant), DateTimeKind.Unspecified);

    /// <summary>The instant of a wall-clock time; in the spring-forward gap the standard offset is assumed.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (DaylightSaving != DaylightSavingRule.None)
        {
            var asSummer = unspecified - StandardOffset - TimeSpan.FromHours(1);
            if (IsDaylightSaving(asSummer))
            {
                return new DateTimeOffset(asSummer, TimeSpan.Zero);
            }
        }

        return new DateTimeOffset(unspecified - StandardOffset, TimeSpan.Zero);
    }

    private bool IsDaylightSaving(DateTime utc)
    {
        var year = utc.Year;
        switch (DaylightSaving)
        {
            case DaylightSavingRule.European:
                var europeanStart = LastSunday(year, 3).AddHours(1);
                var europeanEnd = LastSunday(year, 10).AddHours(1);
                return utc >= europeanStart && utc < europeanEnd;
            case DaylightSavingRule.NorthAmerican:
                var americanStart = NthSunday(year, 3, 2).AddHours(2) - StandardOffset;
                var americanEnd = NthSunday(year, 11, 1).AddHours(2) - StandardOffset - TimeSpan.FromHours(1);
                return utc >= americanStart && utc < americanEnd;
            default:
                return false;
        }
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Unspecified);
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private static DateTime NthSunday(int year, int month, int nth)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var firstSunday = first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
        return firstSunday.AddDays(7 * (nth - 1));
    }
}
