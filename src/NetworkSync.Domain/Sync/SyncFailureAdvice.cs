namespace NetworkSync.Domain.Sync;

/// <summary>
/// What to do about each <see cref="SyncFailureKind"/>, in words an administrator can act on; /healthz, the
/// dashboard and the log show it. The permissions are the ones the sync requests (README, "Pointing it at a
/// real tenant"): application permissions, and in brackets their delegated counterparts.
/// </summary>
public static class SyncFailureAdvice
{
    private const string ByHand = "then sync by hand (networksync sync) or restart the service";

    public static string WhatToDo(SyncFailureKind kind) => kind switch
    {
        SyncFailureKind.Transient => "Graph or the network had a passing problem; NetworkSync retries by itself, pausing longer after each failure.",
        SyncFailureKind.Throttled => "Graph is throttling this mailbox; NetworkSync retries by itself, pausing longer after each failure. If it persists, sync less often (Sync:Cron).",
        SyncFailureKind.SyncStateExpired => "Graph kept expiring the sync token; NetworkSync retries by itself with a full sync.",
        SyncFailureKind.MalformedData => "Graph sent an answer NetworkSync could not read; it retries by itself. If it persists, report it with the log.",
        SyncFailureKind.SignedOut => $"The sign-in is no longer valid: sign in again (delegated) or renew the client secret (Graph__ClientSecret), {ByHand}.",
        SyncFailureKind.ConsentMissing => $"Grant Mail.ReadBasic.All, Calendars.ReadBasic.All and User.Read.All and give admin consent for the tenant, {ByHand}.",
        SyncFailureKind.PermissionDenied => $"Grant Mail.ReadBasic.All and Calendars.ReadBasic.All (delegated: Mail.ReadBasic and Calendars.ReadBasic) and give admin consent for the tenant, or lift the application access policy that excludes this mailbox; {ByHand}.",
        SyncFailureKind.MailboxNotFound => $"Graph has no mailbox for this user (deleted, or no Exchange Online licence): remove it from Graph:Mailboxes or give it a mailbox, {ByHand}.",
        SyncFailureKind.ForeignLink => $"Graph sent a paging link to another host, which NetworkSync refused to follow with the token: check Graph:BaseUrl and any proxy in between, {ByHand}.",
        SyncFailureKind.Unexpected => "An unexpected error; NetworkSync retries by itself, pausing longer after each failure. If it persists, report it with the log.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
