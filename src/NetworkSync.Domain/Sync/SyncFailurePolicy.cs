namespace NetworkSync.Domain.Sync;

/// <summary>
/// What the schedule does after a failed sync. Kinds that pass by themselves (Graph's passing trouble,
/// throttling, an unreadable page, a bug) are retried after a pause that doubles with each failure in a row,
/// up to <see cref="MaxDelay"/>, so a struggling Graph is not hammered every tick. The others (signed out,
/// consent or permission missing, no such mailbox, a foreign link) fail the same way until someone acts,
/// so the schedule leaves them alone: a sync asked for by hand, or a restart, tries again.
/// </summary>
public sealed record SyncFailurePolicy(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Five minutes after the first failure, then 10, 20, … up to six hours.</summary>
    public static SyncFailurePolicy Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(6));

    /// <summary>Whether the failure keeps happening until someone changes something (a grant, a sign-in, the settings).</summary>
    public static bool IsPermanent(SyncFailureKind kind) => kind is
        SyncFailureKind.SignedOut or
        SyncFailureKind.ConsentMissing or
        SyncFailureKind.PermissionDenied or
        SyncFailureKind.MailboxNotFound or
        SyncFailureKind.ForeignLink;

    /// <summary>The pause after <paramref name="consecutiveFailures"/> failures in a row (1 or more).</summary>
    public TimeSpan Backoff(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);

        // Doubling from FirstDelay overflows long before 63 steps; past the cap the answer is the cap anyway.
        var doublings = Math.Min(consecutiveFailures - 1, 30);
        var delay = FirstDelay.Ticks * Math.Pow(2, doublings);
        return delay >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)delay);
    }

    /// <summary>When the schedule may try again after this failure; null when it should not try by itself at all.</summary>
    public DateTimeOffset? NextAttempt(SyncFailureKind kind, int consecutiveFailures, DateTimeOffset failedAt) =>
        IsPermanent(kind) ? null : failedAt + Backoff(consecutiveFailures);

    /// <summary>
    /// Whether a scheduled tick at <paramref name="now"/> should sync a mailbox whose last failure (if any) was
    /// <paramref name="lastFailure"/>, retried no earlier than <paramref name="nextAttempt"/>.
    /// </summary>
    public static bool MayRunScheduled(SyncFailureKind? lastFailure, DateTimeOffset? nextAttempt, DateTimeOffset now) => lastFailure switch
    {
        null => true,
        { } kind when IsPermanent(kind) => false,
        _ => nextAttempt is not { } next || now >= next,
    };
}
