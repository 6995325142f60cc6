namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// What one colleague's own mailbox says about a target, for <see cref="OrganisationIntroductionFinder"/>:
/// the colleague's scored relationship with the target (null when they have none) and whether the colleague
/// muted or forgot the target. Built from the colleague's scoring, never the caller's.
/// </summary>
public sealed record ColleagueTie(string ColleagueId, string DisplayName, ContactSummary? Target, bool TargetMutedOrForgotten);
