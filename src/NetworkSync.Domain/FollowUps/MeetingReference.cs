namespace NetworkSync.Domain.FollowUps;

/// <summary>The meeting a follow-up is about, as it was when the rules last ran.</summary>
public sealed record MeetingReference(string? Subject, DateTimeOffset Start, DateTimeOffset End);
