using System.Collections.Concurrent;
using System.Globalization;

namespace NetworkSync.Domain.Time;

/// <summary>
/// Converts Graph's <c>dateTimeTimeZone</c> (a wall-clock time plus a zone name that may be "UTC", an
/// IANA id such as "Europe/London" or a Windows id such as "Pacific Standard Time") to UTC.
/// </summary>
public static class DateTimeTimeZoneConverter
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> ZoneCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns false when the date cannot be read; an unknown zone is treated as UTC (and reported by the caller's tests).</summary>
    public static bool TryToUtc(string? dateTime, string? timeZone, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(dateTime))
        {
            return false;
        }

        if (!DateTime.TryParse(dateTime, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        // A value that carries its own offset ("...Z" or "+02:00") needs no zone.
        if (parsed.Kind == DateTimeKind.Utc)
        {
            utc = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        if (parsed.Kind == DateTimeKind.Local)
        {
            utc = new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero);
            return true;
        }

        var zone = Find(timeZone);
        var unspecified = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        if (zone is null)
        {
            utc = new DateTimeOffset(unspecified, TimeSpan.Zero);
            return true;
        }

        // An invalid local time (inside a spring-forward gap) is moved past the gap rather than rejected.
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
        return true;
    }

    /// <summary>Finds a zone by IANA or Windows id; null for UTC-like or unknown names.</summary>
    public static TimeZoneInfo? Find(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || IsUtc(timeZone))
        {
            return null;
        }

        return ZoneCache.GetOrAdd(timeZone.Trim(), static id =>
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }

            if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out zone))
            {
                return zone;
            }

            return null;
        });
    }

    private static bool IsUtc(string timeZone) =>
        timeZone.Equals("UTC", StringComparison.OrdinalIgnoreCase)
        || timeZone.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase)
        || timeZone.Equals("Coordinated Universal Time", StringComparison.OrdinalIgnoreCase)
        || timeZone.Equals("GMT", StringComparison.OrdinalIgnoreCase)
        || timeZone.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase);
}
