namespace NetworkSync.Domain.Metadata;

public sealed record Attendee(Participant Who, AttendeeKind Kind, AttendeeResponse Response);
