namespace NetworkSync.Domain.Sync;

/// <summary>The spelling the database, /healthz, the API and the log use for each <see cref="SyncFailureKind"/>.</summary>
public static class SyncFailureKindNames
{
    public static string ToWire(this SyncFailureKind kind) => kind switch
    {
        SyncFailureKind.Transient => "transient",
        SyncFailureKind.Throttled => "throttled",
        SyncFailureKind.SyncStateExpired => "syncStateExpired",
        SyncFailureKind.MalformedData => "malformedData",
        SyncFailureKind.SignedOut => "signedOut",
        SyncFailureKind.ConsentMissing => "consentMissing",
        SyncFailureKind.PermissionDenied => "permissionDenied",
        SyncFailureKind.MailboxNotFound => "mailboxNotFound",
        SyncFailureKind.ForeignLink => "foreignLink",
        SyncFailureKind.Unexpected => "unexpected",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a stored name stands for; an unknown name (written by a newer version) reads as <see cref="SyncFailureKind.Unexpected"/>.</summary>
    public static SyncFailureKind FromWire(string wire) => wire switch
    {
        "transient" => SyncFailureKind.Transient,
        "throttled" => SyncFailureKind.Throttled,
        "syncStateExpired" => SyncFailureKind.SyncStateExpired,
        "malformedData" => SyncFailureKind.MalformedData,
        "signedOut" => SyncFailureKind.SignedOut,
        "consentMissing" => SyncFailureKind.ConsentMissing,
        "permissionDenied" => SyncFailureKind.PermissionDenied,
        "mailboxNotFound" => SyncFailureKind.MailboxNotFound,
        "foreignLink" => SyncFailureKind.ForeignLink,
        _ => SyncFailureKind.Unexpected,
    };
}
