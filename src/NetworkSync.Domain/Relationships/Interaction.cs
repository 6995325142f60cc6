namespace NetworkSync.Domain.Relationships;

/// <summary>
/// One contact's part in one message or meeting. <see cref="AudienceSize"/> is how many people
/// shared it (To + Cc, or attendees), so a 1:1 can weigh more than a broadcast. <see cref="Direct"/>
/// is false when the contact and the owner only met in a crowd: mail that reached the owner through a
/// list (not named in To or Cc) or a meeting of more than 20 people. Only direct interactions set
/// last-contact dates and make a relationship real. <see cref="Role"/> is the owner's part (To or Cc,
/// organiser or tentative attendee), which weighs the interaction.
/// </summary>
public readonly record struct Interaction(
    string ContactAddress,
    string? ContactName,
    InteractionDirection Direction,
    DateTimeOffset At,
    int AudienceSize,
    string? SourceId,
    bool Direct = true,
    string? ConversationId = null,
    InteractionRole Role = InteractionRole.To);
