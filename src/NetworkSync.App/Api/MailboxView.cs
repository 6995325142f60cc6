namespace NetworkSync.App.Api;

public sealed record MailboxView(string Id, string Mail, string? DisplayName, MailboxHealth Sync);
