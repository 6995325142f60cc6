using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>The Graph change-notification subscriptions this service holds (see <see cref="SubscriptionRow"/>).</summary>
public sealed class SubscriptionStore(NetworkSyncDatabase database)
{
    public async Task<SubscriptionRow?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SubscriptionRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Subscriptions.AsNoTracking().OrderBy(s => s.MailboxId).ThenBy(s => s.Collection).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the row, or replaces the one with the same id.</summary>
    public Task SaveAsync(SubscriptionRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return database.WriteContextAsync(
            async context =>
            {
                var existing = await context.Subscriptions.FirstOrDefaultAsync(s => s.Id == row.Id, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    context.Subscriptions.Add(row);
                }
                else
                {
                    context.Entry(existing).CurrentValues.SetValues(row);
                }

                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>Moves the recorded expiry; the maintenance acts on it (renews what is due, replaces what expired).</summary>
    public Task SetExpiryAsync(string subscriptionId, long expiresMs, CancellationToken cancellationToken) =>
        database.WriteContextAsync(
            context => context.Subscriptions.Where(s => s.Id == subscriptionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresMs, expiresMs), cancellationToken),
            cancellationToken);

    public Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken) =>
        database.WriteContextAsync(
            context => context.Subscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
}
