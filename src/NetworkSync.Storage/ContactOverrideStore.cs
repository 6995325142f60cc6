using Microsoft.EntityFrameworkCore;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>The user's corrections per mailbox (mark as person, mute, keep two addresses apart).</summary>
public sealed class ContactOverrideStore(NetworkSyncDatabase database)
{
    public async Task<IReadOnlyList<ContactOverrideRow>> ListAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.ContactOverrides.AsNoTracking().Where(o => o.MailboxId == mailboxId).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets an override; "person" and "muted" replace each other, since they say opposite things, and so
    /// do "apart" and "same" (two people, one person) for a pair, in either order.
    /// </summary>
    public async Task SetAsync(ContactOverrideRow row, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var kind = ContactOverrideKindNames.FromWire(row.Kind);
            var opposite = kind?.Opposite()?.ToWire();
            var pair = kind?.IsPair() ?? false;
            var stale = await context.ContactOverrides
                .Where(o => o.MailboxId == row.MailboxId && (o.Kind == row.Kind || o.Kind == opposite)
                    && ((o.Address == row.Address && o.OtherAddress == row.OtherAddress) || (pair && o.Address == row.OtherAddress && o.OtherAddress == row.Address)))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            context.ContactOverrides.RemoveRange(stale);
            context.ContactOverrides.Add(row);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    public async Task<bool> RemoveAsync(string mailboxId, string address, string kind, string otherAddress, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var removed = await context.ContactOverrides
                .Where(o => o.MailboxId == mailboxId && o.Address == address && o.Kind == kind && o.OtherAddress == otherAddress)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return removed > 0;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }
}
