namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// Where a follow-up is in its life. <see cref="Withdrawn"/> is internal: the reason for it went away
/// (the meeting was cancelled), so it is hidden, but the row stays so its To Do task can be removed
/// and so the same meeting can never produce a second follow-up.
/// </summary>
public enum FollowUpStatus
{
    Open = 0,
    Done = 1,
    Dismissed = 2,
    Snoozed = 3,
    Withdrawn = 4,
}
