namespace NetworkSync.Application.Notifications;

/// <summary>
/// What became of one notification post: how many items were from a known subscription with the right
/// clientState (<see cref="Accepted"/>) and how many were not (<see cref="Rejected"/>), and which mailboxes
/// were queued for a sync.
/// </summary>
public sealed record NotificationOutcome(int Accepted, int Rejected, IReadOnlyList<string> MailboxesToSync);
