using System.Text.Json.Serialization;

namespace NetworkSync.Application.Settings;

/// <summary>The working hours in PUT /api/settings: all four fields, checked together.</summary>
public sealed record WorkingHoursUpdate
{
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; init; }

    [JsonPropertyName("days")]
    public IReadOnlyList<string?>? Days { get; init; }

    [JsonPropertyName("start")]
    public string? Start { get; init; }

    [JsonPropertyName("end")]
    public string? End { get; init; }
}
