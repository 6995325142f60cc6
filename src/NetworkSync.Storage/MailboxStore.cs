using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>Mailboxes and their per-collection sync state (small tables: plain EF Core).</summary>
public sealed class MailboxStore(SqliteDatabase database)
{
    /// <summary>
    /// Stores the mailbox, or updates its names; returns false, storing nothing, when its user deleted
    /// their data (<see cref="OptOutStore"/>). The check is made under the write gate, which the deletion
    /// also holds, so a listing racing a deletion cannot bring the row back.
    /// </summary>
    public async Task<bool> UpsertMailboxAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var optOut = OptOutStore.Hash(mailbox.Id);
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            if (await context.OptedOutMailboxes.AnyAsync(o => o.UserIdHash == optOut, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

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
            return true;
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

    /// <summary>The mailbox with this Graph id exactly, or null when none is stored.</summary>
    public async Task<MailboxRow?> GetMailboxAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mailboxId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds a mailbox by Graph id, primary address, user principal name or alias (case-insensitive; an
    /// address by the one normaliser, so its look-alike spellings, a trailing dot say, find it too).
    /// </summary>
    public async Task<MailboxRow?> FindMailboxAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = Domain.Addresses.EmailAddressNormalizer.Normalize(key) ?? key.Trim().ToLowerInvariant();
        var all = await ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(m =>
            string.Equals(m.Id, key.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Mail, normalized, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.UserPrincipalName, normalized, StringComparison.OrdinalIgnoreCase)
            || m.AliasList().Contains(normalized, StringComparer.OrdinalIgnoreCase));
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

    /// <summary>Forgets one sync state, so what it records (a delta link, when a step last ran) starts over.</summary>
    public async Task DeleteSyncStateAsync(string mailboxId, string collection, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            await context.SyncStates.Where(s => s.MailboxId == mailboxId && s.Collection == collection).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
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
