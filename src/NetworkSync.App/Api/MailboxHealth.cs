using System.Text.Json.Serialization;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// A mailbox's last sync as /healthz and the API report it; the error never holds tokens or content.
/// <see cref="MissingPermissions"/>: Graph permissions an optional feature was refused (403), each with the
/// feature it is for, e.g. "Calendars.Read (needed for events change notifications; Graph answered 403)".
/// After a failure: its <see cref="FailureKind"/> (a <see cref="SyncFailureKindNames"/> name), what to do about
/// it, the failures in a row and when the schedule tries again (null: not by itself; a sync by hand does).
/// The failure fields are left out of the JSON after a success, so a healthy mailbox's entry looks as it always did.
/// </summary>
public sealed record MailboxHealth(
    string Mail,
    string LastSync,
    string? Error,
    DateTimeOffset? LastSyncCompleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MissingPermissions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureKind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WhatToDo = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ConsecutiveFailures = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? NextAttempt = null)
{
    public static MailboxHealth From(MailboxRow mailbox, IReadOnlyList<string>? missingPermissions)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var kind = mailbox.LastFailureKind is { } wire ? SyncFailureKindNames.FromWire(wire) : (SyncFailureKind?)null;
        return new MailboxHealth(
            mailbox.Mail,
            mailbox.LastSyncStatus,
            mailbox.LastSyncError,
            ToTime(mailbox.LastSyncCompletedMs),
            missingPermissions,
            kind?.ToWire(),
            kind is { } k ? SyncFailureAdvice.WhatToDo(k) : null,
            kind is null ? null : mailbox.ConsecutiveFailures,
            kind is null ? null : ToTime(mailbox.NextAttemptMs));
    }

    private static DateTimeOffset? ToTime(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
