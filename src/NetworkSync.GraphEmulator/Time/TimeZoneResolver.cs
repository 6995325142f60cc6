using System.Collections.Concurrent;
using System.Globalization;

namespace NetworkSync.GraphEmulator.Time;

/// <summary>Turns Graph dateTimeTimeZone values (UTC, IANA or Windows zone names) into UTC instants.</summary>
internal static class TimeZoneResolver
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static bool TryFind(string name, out TimeZoneInfo zone)
    {
        zone = Cache.GetOrAdd(name, Lookup)!;
        return zone is not null;
    }

    /// <summary>
    /// Converts a dateTime (usually without offset, as Graph writes it) read in <paramref name="zoneName"/> to UTC.
    /// A dateTime that carries its own offset or Z is taken as is.
    /// </summary>
    public static bool TryToUtc(string dateTime, string zoneName, out DateTimeOffset utc, out string? reason)
    {
        utc = default;
        if (!DateTime.TryParse(dateTime, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            reason = $"bad dateTime '{dateTime}'";
            return false;
        }

        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            utc = new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero);
            reason = null;
            return true;
        }

        if (!TryFind(zoneName, out var zone))
        {
            reason = $"unknown timeZone '{zoneName}'";
            return false;
        }

        // A wall-clock time skipped by a DST jump does not exist; Outlook moves it forward, so do we.
        while (zone.IsInvalidTime(parsed))
        {
            parsed = parsed.AddMinutes(30);
        }

        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(parsed, zone), TimeSpan.Zero);
        reason = null;
        return true;
    }

    private static TimeZoneInfo? Lookup(string name)
    {
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase)
            || name.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Coordinated Universal Time", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var direct))
        {
            return direct;
        }

        return WindowsTimeZoneMap.TryGetIana(name, out var iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var mapped)
            ? mapped
            : null;
    }
}
