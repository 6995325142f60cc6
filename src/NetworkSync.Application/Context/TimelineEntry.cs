using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>One step of a relationship's timeline: a message sent or received, or a meeting held. Subject only, never a body.</summary>
public sealed record TimelineEntry(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("subject")] string? Subject);
