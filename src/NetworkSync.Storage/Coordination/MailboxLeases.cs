using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage.Coordination;

/// <summary>
/// The database-backed sync lock of a mailbox, shared by every instance on the database. Taking it is one
/// conditional update (free, expired, or already this instance's), so two instances can never both win;
/// the holder renews it while it syncs (<see cref="MailboxLease"/>) and releases it at the end. Provider-neutral
/// EF Core only, so it works the same on SQLite and PostgreSQL.
/// </summary>
public sealed class MailboxLeases(NetworkSyncDatabase database, InstanceIdentity instance, CoordinationOptions options, TimeProvider time)
{
    public string Owner => instance.Id;

    /// <summary>Takes the lease if nobody else holds it; null when another instance does.</summary>
    public async Task<MailboxLease?> TryAcquireAsync(string mailboxId, CancellationToken cancellationToken) =>
        await TryTakeAsync(mailboxId, cancellationToken).ConfigureAwait(false)
            ? new MailboxLease(this, mailboxId, TimeSpan.FromSeconds(options.LeaseRenewSeconds), TimeSpan.FromSeconds(options.LeaseSeconds), time)
            : null;

    /// <summary>Waits until the lease is free (its holder released it, or it expired after the holder died) and takes it.</summary>
    public async Task<MailboxLease> AcquireAsync(string mailboxId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TryAcquireAsync(mailboxId, cancellationToken).ConfigureAwait(false) is { } lease)
            {
                return lease;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(options.LeasePollMilliseconds), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Who holds the mailbox's lease now (null: nobody, or it expired).</summary>
    public async Task<string?> HolderAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var now = time.Ms();
        return await context.MailboxLeases.AsNoTracking()
            .Where(l => l.MailboxId == mailboxId && l.Owner != null && l.ExpiresMs > now)
            .Select(l => l.Owner)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Moves the expiry on; false when the lease is no longer this instance's (it expired and was taken).</summary>
    internal async Task<bool> RenewAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var renewed = 0;
        var until = time.Ms() + (options.LeaseSeconds * 1000L);
        var owner = instance.Id;
        await database.WriteContextAsync(
            async context => renewed = await context.MailboxLeases
                .Where(l => l.MailboxId == mailboxId && l.Owner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresMs, until), cancellationToken)
                .ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return renewed == 1;
    }

    internal Task ReleaseAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        return database.WriteContextAsync(
            context => context.MailboxLeases
                .Where(l => l.MailboxId == mailboxId && l.Owner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresMs, 0L), cancellationToken),
            cancellationToken);
    }

    private async Task<bool> TryTakeAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var taken = 0;
        var now = time.Ms();
        var until = now + (options.LeaseSeconds * 1000L);
        var owner = instance.Id;
        await database.WriteContextAsync(
            async context =>
            {
                // A mailbox not stored (never listed, or deleted with its user's data) has nothing to sync or
                // delete, and whoever asked skips it: no lease row is made to name it.
                if (!await context.Mailboxes.AsNoTracking().AnyAsync(m => m.Id == mailboxId, cancellationToken).ConfigureAwait(false))
                {
                    taken = 1;
                    return;
                }

                await CoordinationRows.EnsureAsync(context, context.MailboxLeases.Where(l => l.MailboxId == mailboxId), new MailboxLeaseRow { MailboxId = mailboxId }, cancellationToken).ConfigureAwait(false);

                // The one statement that decides: of two instances running it at once, one matches the row.
                taken = await context.MailboxLeases
                    .Where(l => l.MailboxId == mailboxId && (l.Owner == null || l.Owner == owner || l.ExpiresMs <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresMs, until), cancellationToken)
                    .ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return taken == 1;
    }
}
