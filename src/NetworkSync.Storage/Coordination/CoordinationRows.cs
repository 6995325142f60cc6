using Microsoft.EntityFrameworkCore;

namespace NetworkSync.Storage.Coordination;

/// <summary>
/// Makes sure a coordination row exists before a conditional update on it: the update is the one statement
/// that decides (who holds a lease, who queues a sync), and it needs a row to match. Two instances inserting
/// at once is harmless: the loser's insert fails on the key and it goes on to the update.
/// </summary>
internal static class CoordinationRows
{
    public static async Task EnsureAsync<T>(NetworkSyncDbContext context, IQueryable<T> existing, T row, CancellationToken cancellationToken)
        where T : class
    {
        if (await existing.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var entry = context.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted it first: the row exists, which is all this wanted.
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }
}
