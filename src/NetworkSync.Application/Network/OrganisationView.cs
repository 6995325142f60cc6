using System.Text.Json.Serialization;

namespace NetworkSync.Application.Network;

/// <summary>One organisation (email domain): the user's warmest contact there, the warm ties, and whether it hangs on a single one.</summary>
public sealed record OrganisationView(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("warmest")] NetworkPersonView Warmest,
    [property: JsonPropertyName("warmTies")] int WarmTies,
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("hangsOnOneTie")] bool HangsOnOneTie);
