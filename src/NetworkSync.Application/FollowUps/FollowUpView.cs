using System.Text.Json.Serialization;
using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Application.FollowUps;

/// <summary>
/// A follow-up as the CLI contract and the API show it: the contract's fields first, then additions
/// (when it was snoozed to, created and closed, why it closed, the meeting and the briefing).
/// </summary>
public sealed record FollowUpView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("eventId")] string? EventId,
    [property: JsonPropertyName("contacts")] IReadOnlyList<string> Contacts,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("due")] DateTimeOffset Due,
    [property: JsonPropertyName("status")] string Status)
{
    [JsonPropertyName("snoozedUntil")]
    public DateTimeOffset? SnoozedUntil { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("completedAt")]
    public DateTimeOffset? CompletedAt { get; init; }

    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    [JsonPropertyName("meeting")]
    public MeetingView? Meeting { get; init; }

    [JsonPropertyName("briefing")]
    public IReadOnlyList<BriefingView> Briefing { get; init; } = [];

    /// <summary>The follow-up as it stands at <paramref name="asOf"/> (a snooze that ran out reads as open).</summary>
    public static FollowUpView From(FollowUpRecord record, DateTimeOffset asOf)
    {
        var status = record.StatusAt(asOf);
        return new FollowUpView(record.Id, record.Kind.ToWire(), record.EventId, record.Contacts, record.Title, record.Due, status.ToWire())
        {
            SnoozedUntil = status == FollowUpStatus.Snoozed ? record.SnoozedUntil : null,
            CreatedAt = record.CreatedAt,
            CompletedAt = record.CompletedAt,
            Resolution = record.Resolution,
            Meeting = record.Meeting is { } meeting ? new MeetingView(meeting.Subject, meeting.Start, meeting.End) : null,
            Briefing = record.Briefing.Select(b => new BriefingView(b.Address, b.DisplayName, b.LastContact, b.Warmth, b.Tier, b.LastSubject, b.IntroducedBy)).ToList(),
        };
    }
}
