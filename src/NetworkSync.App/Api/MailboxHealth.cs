using System.Text.Json.Serialization;

namespace NetworkSync.App.Api;

/// <summary>
/// A mailbox's last sync as /healthz and the API report it; the error never holds tokens or content.
/// <see cref="MissingPermissions"/>: Graph permissions an optional feature was refused (403), each with the
/// feature it is for, e.g. "Calendars.Read (needed for events change notifications; Graph answered 403)".
/// </summary>
public sealed record MailboxHealth(
    string Mail,
    string LastSync,
    string? Error,
    DateTimeOffset? LastSyncCompleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MissingPermissions = null);
