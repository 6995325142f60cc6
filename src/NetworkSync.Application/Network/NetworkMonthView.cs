using System.Text.Json.Serialization;

namespace NetworkSync.Application.Network;

/// <summary>One month ("yyyy-MM", UTC) of the network: active relationships by tier at its end, ties gained and lost in it (Domain NetworkTrend).</summary>
public sealed record NetworkMonthView(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("hot")] int Hot,
    [property: JsonPropertyName("warm")] int Warm,
    [property: JsonPropertyName("cool")] int Cool,
    [property: JsonPropertyName("gained")] int Gained,
    [property: JsonPropertyName("lost")] int Lost);
