using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>Mailboxes and their per-collection sync state (small tables: plain EF Core).</summary>
public sealed class MailboxStore(SqliteDatabase database)
{
    public async Task UpsertMailboxAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var existing = await context.Mailboxes.FindAsync([mailbox.Id], cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                context.Mailboxes.Add(mailbox);
            }
            else
            {
                existing.Mail = mailbox.Mail;
                existing.UserPrincipalName = mailbox.UserPrincipalName;
                existing.DisplayName = mailbox.DisplayName;
                existing.Aliases = mailbox.Aliases;
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    public async Task<IReadOnlyList<MailboxRow>> ListMailboxesAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Mailboxes.AsNoTracking().OrderBy(m => m.Mail).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds a mailbox by Graph id, primary address, user principal name or alias (case-insensitive).</summary>
    public async Task<MailboxRow?> FindMailboxAsync(string key, CancellationToken cancellationToken)
    {
        var normalized = key.Trim().ToLowerInvariant();
        var all = await ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(m =>
            string.Equals(m.Id, key.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Mail, normalized, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.UserPrincipalName, normalized, StringComparison.OrdinalIgnoreCase)
            || m.Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries).Contains(normalized, StringComparer.OrdinalIgnoreCase));
    }

    public async Task RecordSyncStatusAsync(string mailboxId, string status, string? error, long? startedMs, long? completedMs, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var mailbox = await context.Mailboxes.FindAsync([mailboxId], cancellationToken).ConfigureAwait(false);
            if (mailbox is null)
            {
                return;
            }

            mailbox.LastSyncStatus = status;
            mailbox.LastSyncError = error;
            mailbox.LastSyncStartedMs = startedMs ?? mailbox.LastSyncStartedMs;
            mailbox.LastSyncCompletedMs = completedMs ?? mailbox.LastSyncCompletedMs;
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    public async Task<SyncStateRow?> GetSyncStateAsync(string mailboxId, string collection, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.SyncStates.AsNoTracking()
            .SingleOrDefaultAsync(s => s.MailboxId == mailboxId && s.Collection == collection, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task SaveSyncStateAsync(SyncStateRow state, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var existing = await context.SyncStates
                .SingleOrDefaultAsync(s => s.MailboxId == state.MailboxId && s.Collection == state.Collection, cancellationToken)
                .ConfigureAwait(false);
            if (existing is null)
            {
                context.SyncStates.Add(state);
            }
            else
            {
                existing.DeltaLink = state.DeltaLink;
                existing.ResourceId = state.ResourceId;
                existing.Generation = state.Generation;
                existing.WindowStartMs = state.WindowStartMs;
                existing.WindowEndMs = state.WindowEndMs;
                existing.UpdatedMs = state.UpdatedMs;
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }
}
