namespace NetworkSync.Domain.Sync;

/// <summary>
/// Why a mailbox's sync failed, as far as it decides what to do next (<see cref="SyncFailurePolicy"/>):
/// some kinds pass by themselves, the others need someone to act first.
/// </summary>
public enum SyncFailureKind
{
    /// <summary>Graph's or the network's passing trouble: 5xx, a timeout, a dropped connection.</summary>
    Transient,

    /// <summary>Graph answered 429 (after the retry handler's own retries).</summary>
    Throttled,

    /// <summary>The delta token kept expiring (410, syncStateNotFound) even after the collection was enumerated again.</summary>
    SyncStateExpired,

    /// <summary>Graph's answer could not be read (bad JSON, a round with neither nextLink nor deltaLink).</summary>
    MalformedData,

    /// <summary>The credential is gone: a 401, an expired or revoked sign-in, a client secret no longer valid.</summary>
    SignedOut,

    /// <summary>The tenant has not consented to the app (AADSTS65001, consent_required).</summary>
    ConsentMissing,

    /// <summary>Graph answered 403: the app lacks a permission for this mailbox, or an access policy excludes it.</summary>
    PermissionDenied,

    /// <summary>Graph answered 404 for the mailbox: the user was deleted, or has no Exchange Online mailbox.</summary>
    MailboxNotFound,

    /// <summary>A nextLink or deltaLink pointed away from Graph; following it would hand the token to someone else.</summary>
    ForeignLink,

    /// <summary>Anything else: a bug, most likely.</summary>
    Unexpected,
}
