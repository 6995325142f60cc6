using System.Text.Json.Serialization;

namespace NetworkSync.Application.Settings;

/// <summary>
/// GET /api/settings: the values in effect for the caller (their own choice, else Outlook's mailbox
/// settings, else configuration), and the addresses they muted or marked as a person (read-only here;
/// change them with /api/contacts/{address}/muted and /person).
/// </summary>
public sealed record SettingsView(
    [property: JsonPropertyName("dormantDays")] int DormantDays,
    [property: JsonPropertyName("workingHours")] WorkingHoursView WorkingHours,
    [property: JsonPropertyName("todoEnabled")] bool TodoEnabled,
    [property: JsonPropertyName("muted")] IReadOnlyList<string> Muted,
    [property: JsonPropertyName("markedAsPerson")] IReadOnlyList<string> MarkedAsPerson)
{
    /// <summary>After how many days without an answer the caller's mail is "waiting on them" (the network page).</summary>
    [JsonPropertyName("waitingDays")]
    public int WaitingDays { get; init; } = Domain.Relationships.Network.AwaitingReply.DefaultDays;
}
