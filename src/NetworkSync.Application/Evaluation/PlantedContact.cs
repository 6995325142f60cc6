using System.Text.Json.Serialization;

namespace NetworkSync.Application.Evaluation;

public sealed record PlantedContact(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("strength")] double Strength,
    [property: JsonPropertyName("automated")] bool Automated,
    [property: JsonPropertyName("dormant")] bool Dormant,
    [property: JsonPropertyName("cooling")] bool Cooling,
    [property: JsonPropertyName("otherAddresses")] IReadOnlyList<string>? OtherAddresses);
