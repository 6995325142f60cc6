using System.Text.Json;
using NetworkSync.GraphEmulator.Time;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>An event instance with its start and end resolved to UTC, for calendarView window checks.</summary>
internal sealed record CalendarEvent(JsonItem Json, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    /// <summary>The state this one replaced (one level only), for partial updates; null for a new event.</summary>
    public CalendarEvent? Previous { get; init; }

    /// <summary>The change number <see cref="Previous"/> was current from.</summary>
    public long PreviousSequence { get; init; }

    /// <summary>calendarView semantics: the instance overlaps [start, end).</summary>
    public bool Overlaps(DateTimeOffset windowStart, DateTimeOffset windowEnd) =>
        StartUtc < windowEnd && (EndUtc > windowStart || (EndUtc == StartUtc && StartUtc >= windowStart));

    public static bool TryCreate(JsonItem json, out CalendarEvent? ev, out string? reason)
    {
        ev = null;
        if (!TryReadUtc(json, "start", out var start, out reason) || !TryReadUtc(json, "end", out var end, out reason))
        {
            return false;
        }

        if (end < start)
        {
            reason = "'end' is before 'start'";
            return false;
        }

        ev = new CalendarEvent(json, start, end);
        return true;
    }

    private static bool TryReadUtc(JsonItem json, string property, out DateTimeOffset utc, out string? reason)
    {
        utc = default;
        var raw = json.Raw(property);
        if (raw.IsEmpty)
        {
            reason = $"missing '{property}'";
            return false;
        }

        using var document = JsonDocument.Parse(raw.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("dateTime", out var dateTime) || dateTime.ValueKind != JsonValueKind.String)
        {
            reason = $"'{property}' must be a dateTimeTimeZone object with a string dateTime";
            return false;
        }

        var zone = root.TryGetProperty("timeZone", out var tz) && tz.ValueKind == JsonValueKind.String ? tz.GetString()! : "UTC";
        if (!TimeZoneResolver.TryToUtc(dateTime.GetString()!, zone, out utc, out var why))
        {
            reason = $"'{property}': {why}";
            return false;
        }

        reason = null;
        return true;
    }
}
