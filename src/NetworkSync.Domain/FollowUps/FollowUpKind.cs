namespace NetworkSync.Domain.FollowUps;

/// <summary>Why a follow-up exists. Wire names ("after-meeting", ...) are in <see cref="FollowUpKindNames"/>.</summary>
public enum FollowUpKind
{
    AfterMeeting = 0,
    BeforeMeeting = 1,
    Reconnect = 2,

    /// <summary>Created by hand from the add-in or dashboard; no rule ever touches it.</summary>
    Manual = 3,
}
