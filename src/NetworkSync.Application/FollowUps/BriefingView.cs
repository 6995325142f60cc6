using System.Text.Json.Serialization;

namespace NetworkSync.Application.FollowUps;

public sealed record BriefingView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("lastContact")] DateTimeOffset? LastContact,
    [property: JsonPropertyName("warmth")] double Warmth,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("lastSubject")] string? LastSubject,
    [property: JsonPropertyName("introducedBy")] string? IntroducedBy);
