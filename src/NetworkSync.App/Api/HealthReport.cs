namespace NetworkSync.App.Api;

public sealed record HealthReport(string Status, IReadOnlyList<MailboxHealth> Mailboxes);
