using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>One calendar month (UTC) of a relationship: what passed in it, and the warmth at its end.</summary>
public sealed record HistoryMonth(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("sent")] int Sent,
    [property: JsonPropertyName("received")] int Received,
    [property: JsonPropertyName("meetings")] int Meetings,
    [property: JsonPropertyName("warmth")] double Warmth);
