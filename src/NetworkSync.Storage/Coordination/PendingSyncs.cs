using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage.Coordination;

/// <summary>
/// "A notified sync of this mailbox is queued, since then", shared by every instance on the database, so a
/// burst of change notifications spread over the instances queues one sync per mailbox, not one per instance.
/// Claiming is one conditional update (nothing pending, or pending so long its instance must have died);
/// only the instance whose update matched queues the job. Clearing comes as the queued sync starts.
/// </summary>
public sealed class PendingSyncs(NetworkSyncDatabase database, CoordinationOptions options, TimeProvider time)
{
    /// <summary>True when this call set the mark, so its caller (alone) queues the sync.</summary>
    public async Task<bool> TryClaimAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var claimed = 0;
        var now = time.Ms();
        var stale = now - (options.PendingSyncStaleMinutes * 60_000L);
        await database.WriteContextAsync(
            async context =>
            {
                await CoordinationRows.EnsureAsync(context, context.PendingSyncs.Where(p => p.MailboxId == mailboxId), new PendingSyncRow { MailboxId = mailboxId }, cancellationToken).ConfigureAwait(false);
                claimed = await context.PendingSyncs
                    .Where(p => p.MailboxId == mailboxId && (p.SinceMs == null || p.SinceMs < stale))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.SinceMs, now), cancellationToken)
                    .ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return claimed == 1;
    }

    /// <summary>The queued sync is starting: a notification from now on needs a sync of its own.</summary>
    public Task ClearAsync(string mailboxId, CancellationToken cancellationToken) =>
        database.WriteContextAsync(
            context => context.PendingSyncs
                .Where(p => p.MailboxId == mailboxId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SinceMs, (long?)null), cancellationToken),
            cancellationToken);
}
