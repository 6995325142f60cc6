namespace NetworkSync.Domain.Sync;

/// <summary>How a mailbox's last sync went (stored and reported as <see cref="SyncOutcomeNames.ToWire"/>).</summary>
public enum SyncOutcome
{
    /// <summary>The mailbox has not been synced yet.</summary>
    Never,

    Running,

    Succeeded,

    /// <summary>A collection failed; the <see cref="SyncFailureKind"/> says why and what happens next.</summary>
    Failed,

    /// <summary>The sync was cancelled (the service stopping, a caller giving up) before it finished.</summary>
    Cancelled,
}
