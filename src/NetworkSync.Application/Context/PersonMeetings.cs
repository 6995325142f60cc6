using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>The next meetings with the person (soonest first) and the last ones held (latest first), five of each at most.</summary>
public sealed record PersonMeetings(
    [property: JsonPropertyName("upcoming")] IReadOnlyList<PersonMeeting> Upcoming,
    [property: JsonPropertyName("recent")] IReadOnlyList<PersonMeeting> Recent)
{
    public static PersonMeetings None { get; } = new([], []);
}
