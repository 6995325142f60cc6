using NetworkSync.Domain.Sync;

namespace NetworkSync.Sync.Engine;

/// <summary>How one collection ("messages:inbox", "events") of one mailbox synced.</summary>
public sealed record CollectionSyncResult(
    string Collection,
    int Pages,
    int Upserted,
    int Removed,
    int Skipped,
    bool FullSync,
    bool RecoveredFromExpiredToken,
    string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Why the collection failed (<see cref="GraphErrorClassifier"/>); null when it succeeded.</summary>
    public SyncFailureKind? FailureKind { get; init; }
}
