using System.Text.Json.Serialization;

namespace NetworkSync.Application.Evaluation;

/// <summary>The baselines' ROC AUC on the same candidates (null when the history is too thin).</summary>
public sealed record BaselineView(
    [property: JsonPropertyName("recency")] double? Recency,
    [property: JsonPropertyName("frequency365")] double? Frequency365,
    [property: JsonPropertyName("decayedCount")] double? DecayedCount);
