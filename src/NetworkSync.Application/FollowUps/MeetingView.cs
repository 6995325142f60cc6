using System.Text.Json.Serialization;

namespace NetworkSync.Application.FollowUps;

public sealed record MeetingView(
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("start")] DateTimeOffset Start,
    [property: JsonPropertyName("end")] DateTimeOffset End);
