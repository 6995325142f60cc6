using System.Text.Json.Serialization;

namespace NetworkSync.Application.Settings;

/// <summary>The working week follow-ups fall due in: a zone, lower-case day names (Monday first), "HH:mm" times.</summary>
public sealed record WorkingHoursView(
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("days")] IReadOnlyList<string> Days,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End);
