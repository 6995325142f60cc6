using NetworkSync.Domain.Sync;
using NetworkSync.Storage;

namespace NetworkSync.Sync.Engine;

public sealed record MailboxSyncResult(string MailboxId, string Mail, IReadOnlyList<CollectionSyncResult> Collections)
{
    /// <summary>
    /// True when the mailbox was not synced because, by the time its turn came, it was no longer stored or
    /// its user had deleted their data: nothing failed, there was nothing to sync.
    /// </summary>
    public bool Skipped { get; init; }

    public bool Succeeded => Collections.All(c => c.Succeeded);

    public string? Error => Collections.FirstOrDefault(c => !c.Succeeded) is { } failed ? $"{failed.Collection}: {failed.Error}" : null;

    /// <summary>
    /// Why the mailbox failed; null when it succeeded. With several failed collections a kind that needs someone
    /// to act wins over one that passes by itself, so a 403 on the calendar is not hidden by a timeout on the inbox.
    /// </summary>
    public SyncFailureKind? FailureKind =>
        Collections.Where(c => !c.Succeeded).Select(c => c.FailureKind ?? SyncFailureKind.Unexpected)
            .OrderByDescending(SyncFailurePolicy.IsPermanent).Cast<SyncFailureKind?>().FirstOrDefault();

    public int Messages => Collections.Where(c => SyncStateKeys.IsMessages(c.Collection)).Sum(c => c.Upserted);

    /// <summary>The result of a mailbox left alone (see <see cref="Skipped"/>).</summary>
    public static MailboxSyncResult Skip(string mailboxId, string mail) => new(mailboxId, mail, []) { Skipped = true };

    public int Events => Collections.Where(c => c.Collection == SyncStateKeys.Events).Sum(c => c.Upserted);
}
