namespace NetworkSync.App.Api;

/// <summary>A mailbox's last sync as /healthz and the API report it; the error never holds tokens or content.</summary>
public sealed record MailboxHealth(string Mail, string LastSync, string? Error, DateTimeOffset? LastSyncCompleted);
