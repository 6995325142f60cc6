namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// What the mailbox shows of the tie between a possible introducer and the target, from metadata only.
/// <see cref="SharedMessages"/> counts messages naming both (From, To or Cc; never Bcc, which the target
/// could not see); <see cref="FromIntroducer"/> those of them the introducer sent;
/// <see cref="BroughtIn"/> the threads whose first message naming the target was the introducer's.
/// </summary>
public sealed record TieEvidence(
    int SharedMessages,
    int FromIntroducer,
    int SharedMeetings,
    int BroughtIn,
    DateTimeOffset FirstTogether,
    DateTimeOffset LastTogether,
    double Strength);
