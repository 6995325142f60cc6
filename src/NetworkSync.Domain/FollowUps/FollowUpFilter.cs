namespace NetworkSync.Domain.FollowUps;

/// <summary>Which follow-ups a listing shows (GET /api/followups?status=...); withdrawn ones never.</summary>
public enum FollowUpFilter
{
    /// <summary>Open and snoozed: still something to do (the default).</summary>
    Active,
    Open,
    Snoozed,
    Done,
    Dismissed,
    All,
}
