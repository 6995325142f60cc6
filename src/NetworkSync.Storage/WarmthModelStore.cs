using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>
/// Each mailbox's stored warmth model (see <see cref="WarmthModelRow"/>). Synchronous on purpose: it is
/// read once per mailbox and process, and written after a fit, both from scoring code that is not async.
/// </summary>
public sealed class WarmthModelStore(NetworkSyncDatabase database)
{
    public WarmthModelRow? Find(string mailboxId)
    {
        using var context = database.CreateContext();
        return context.WarmthModels.AsNoTracking().FirstOrDefault(m => m.MailboxId == mailboxId);
    }

    /// <summary>
    /// Stores (or replaces) the mailbox's model, under the write gate; not for a mailbox that is no longer
    /// stored (a background refit finishing after "delete all my data" must not bring a row back).
    /// Returns whether it was stored.
    /// </summary>
    public bool Save(WarmthModelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        database.WriteGate.Wait();
        try
        {
            using var context = database.CreateContext();
            if (!context.Mailboxes.Any(m => m.Id == row.MailboxId))
            {
                return false;
            }

            var existing = context.WarmthModels.FirstOrDefault(m => m.MailboxId == row.MailboxId);
            if (existing is null)
            {
                context.WarmthModels.Add(row);
            }
            else
            {
                context.Entry(existing).CurrentValues.SetValues(row);
            }

            context.SaveChanges();
            return true;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }
}
