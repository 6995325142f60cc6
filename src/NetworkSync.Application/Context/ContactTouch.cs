using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Context;

/// <summary>
/// One message or meeting as it concerns one contact: the interaction the scores count, when it became
/// part of the record (a message when sent or received, a meeting once it has ended), and the subject
/// the timeline shows. Metadata only: there is no body to keep.
/// </summary>
public readonly record struct ContactTouch(Interaction Interaction, DateTimeOffset VisibleAt, string? Subject, DateTimeOffset? MeetingEnd)
{
    public bool IsMeeting => Interaction.Direction == InteractionDirection.Meeting;
}
