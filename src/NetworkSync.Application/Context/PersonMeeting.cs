using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>A meeting with the person, by its Graph event id (calendar metadata only).</summary>
public sealed record PersonMeeting(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("start")] DateTimeOffset Start,
    [property: JsonPropertyName("end")] DateTimeOffset End);
