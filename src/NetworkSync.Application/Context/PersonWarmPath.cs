using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>
/// The best introduction to a stranger or a cold contact, as the task pane shows it ("Warm path: Ana Abe"):
/// the introducer and, in plain words, why (docs/relationship-model.md, "Warm paths").
/// </summary>
public sealed record PersonWarmPath(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("explanation")] string Explanation);
