using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// Graph's mailboxSettings object (learn.microsoft.com/graph/api/resources/mailboxsettings), kept as
/// given. Only the parts a client is likely to read are checked: <c>timeZone</c> a string,
/// <c>workingHours</c> an object with <c>daysOfWeek</c> day names and string <c>startTime</c>/<c>endTime</c>.
/// </summary>
internal static class MailboxSettingsJson
{
    /// <summary>What a mailbox without settings in the fixture answers: UTC, Monday to Friday 08:00-17:00.</summary>
    public static readonly byte[] Default = """
        {"timeZone":"UTC","workingHours":{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],"startTime":"08:00:00.0000000","endTime":"17:00:00.0000000","timeZone":{"name":"UTC"}}}
        """u8.ToArray();

    private static readonly string[] Days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>The settings as stored (UTF-8 JSON), or null with the reason they are malformed.</summary>
    public static byte[]? TryNormalize(JsonNode? settings, out string? reason)
    {
        reason = Validate(settings);
        return reason is null ? JsonSerializer.SerializeToUtf8Bytes(settings) : null;
    }

    private static string? Validate(JsonNode? node)
    {
        if (node is not JsonObject settings)
        {
            return "mailboxSettings must be a JSON object";
        }

        if (settings["timeZone"] is { } zone && zone.GetValueKind() != JsonValueKind.String)
        {
            return "'timeZone' must be a string";
        }

        if (!settings.TryGetPropertyValue("workingHours", out var hoursNode) || hoursNode is null)
        {
            return null;
        }

        if (hoursNode is not JsonObject hours)
        {
            return "'workingHours' must be an object";
        }

        if (hours["daysOfWeek"] is { } days
            && (days is not JsonArray list || list.Any(d => d?.GetValueKind() != JsonValueKind.String || !Days.Contains(d.GetValue<string>()))))
        {
            return "'workingHours.daysOfWeek' must be an array of day names (monday, tuesday, ...)";
        }

        foreach (var name in new[] { "startTime", "endTime" })
        {
            if (hours[name] is { } time && (time.GetValueKind() != JsonValueKind.String || !TimeOnly.TryParse(time.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                return $"'workingHours.{name}' must be a time of day such as \"08:00:00.0000000\"";
            }
        }

        return hours["timeZone"] is { } hoursZone && hoursZone is not JsonObject
            ? "'workingHours.timeZone' must be an object such as {\"name\":\"UTC\"}"
            : null;
    }
}
