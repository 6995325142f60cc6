using System.Text.Json.Serialization;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// One contact as the CLI contract and the API show it. <see cref="Muted"/> is only the API's listing's:
/// left null (and so left out) by the CLI, whose output stays the contract's.
/// </summary>
public sealed record ContactView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("warmth")] double Warmth,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("lastContact")] DateTimeOffset? LastContact,
    [property: JsonPropertyName("lastInbound")] DateTimeOffset? LastInbound,
    [property: JsonPropertyName("lastOutbound")] DateTimeOffset? LastOutbound,
    [property: JsonPropertyName("lastMeeting")] DateTimeOffset? LastMeeting,
    [property: JsonPropertyName("dormant")] bool Dormant,
    [property: JsonPropertyName("cooling")] bool Cooling,
    [property: JsonPropertyName("automated")] bool Automated,
    [property: JsonPropertyName("interactions")] InteractionCounts Interactions,
    [property: JsonPropertyName("otherAddresses")] IReadOnlyList<string> OtherAddresses)
{
    [JsonPropertyName("muted")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Muted { get; init; }

    /// <summary>Why each of <see cref="OtherAddresses"/> is this person ("ana@new.example: replied from ...").</summary>
    [JsonPropertyName("mergeReasons")]
    public IReadOnlyList<string> MergeReasons { get; init; } = [];

    public static ContactView From(ContactSummary summary) => new(
        summary.Address,
        summary.DisplayName,
        summary.Warmth,
        summary.Tier,
        summary.Reasons,
        summary.LastContact,
        summary.LastInbound,
        summary.LastOutbound,
        summary.LastMeeting,
        summary.Dormant,
        summary.Cooling,
        summary.Automated,
        new InteractionCounts(summary.Sent, summary.Received, summary.Meetings),
        summary.OtherAddresses)
    {
        MergeReasons = summary.MergeReasons,
    };
}
