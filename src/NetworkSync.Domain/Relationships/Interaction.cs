namespace NetworkSync.Domain.Relationships;

/// <summary>
/// One contact's part in one message or meeting. <see cref="AudienceSize"/> is how many people
/// shared it (To + Cc, or attendees), so a 1:1 can weigh more than a broadcast.
/// </summary>
public readonly record struct Interaction(
    string ContactAddress,
    string? ContactName,
    InteractionDirection Direction,
    DateTimeOffset At,
    int AudienceSize,
    string? SourceId);
