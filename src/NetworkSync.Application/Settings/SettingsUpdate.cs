using System.Text.Json.Serialization;

namespace NetworkSync.Application.Settings;

/// <summary>
/// The body of PUT /api/settings. A field left out (or null) keeps the caller's current choice, so a
/// client can send only what its form changed; muted and markedAsPerson are read-only and ignored.
/// </summary>
public sealed record SettingsUpdate
{
    [JsonPropertyName("dormantDays")]
    public int? DormantDays { get; init; }

    [JsonPropertyName("workingHours")]
    public WorkingHoursUpdate? WorkingHours { get; init; }

    /// <summary>After how many days without an answer the caller's mail is "waiting on them".</summary>
    [JsonPropertyName("waitingDays")]
    public int? WaitingDays { get; init; }

    [JsonPropertyName("todoEnabled")]
    public bool? TodoEnabled { get; init; }

    /// <summary>Whether colleagues may be told "you know this person" (name and tier only); the caller's own consent.</summary>
    [JsonPropertyName("suggestAsIntroducer")]
    public bool? SuggestAsIntroducer { get; init; }
}
