using System.Text.Json.Serialization;
using NetworkSync.Domain.Relationships.Introductions;

namespace NetworkSync.Application.Contacts;

/// <summary>One introducer as the CLI contract (`intros`) and the API show it.</summary>
public sealed record WarmPathView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("warmth")] double Warmth,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("evidence")] WarmPathEvidenceView Evidence)
{
    public static WarmPathView From(WarmPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var evidence = path.Evidence;
        return new(
            path.Address,
            path.DisplayName,
            path.Warmth,
            path.Tier,
            Math.Round(path.Score, 4),
            path.Explanation,
            new WarmPathEvidenceView(evidence.SharedMessages, evidence.SharedMeetings, evidence.FromIntroducer, evidence.BroughtIn, evidence.FirstTogether, evidence.LastTogether));
    }
}
