using NetworkSync.Sync.Engine;

namespace NetworkSync.Application.Sync;

/// <summary>The outcome of syncing every mailbox once: what the CLI's last stderr line reports.</summary>
public sealed record SyncRunSummary(IReadOnlyList<MailboxSyncResult> Mailboxes, long GraphRequests, TimeSpan Elapsed)
{
    public int Messages => Mailboxes.Sum(m => m.Messages);

    public int Events => Mailboxes.Sum(m => m.Events);

    public bool Succeeded => Mailboxes.All(m => m.Succeeded);

    public string ToSummaryLine() =>
        FormattableString.Invariant($"summary: mailboxes={Mailboxes.Count} messages={Messages} events={Events} graphRequests={GraphRequests} seconds={Elapsed.TotalSeconds:0.00}");
}
