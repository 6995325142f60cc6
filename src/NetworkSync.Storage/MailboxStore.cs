using Microsoft.EntityFrameworkCore;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>Mailboxes and their per-collection sync state (small tables: plain EF Core).</summary>
public sealed class MailboxStore(NetworkSyncDatabase database)
{
    /// <summary>What a sync cut short by the process stopping is recorded with.</summary>
    public const string InterruptedDetail = "interrupted: the service stopped during the sync";

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

            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (existing is null)
            {
                // Another instance listing the directory at the same moment inserted it first: update that row.
                context.ChangeTracker.Clear();
                var stored = await context.Mailboxes.FindAsync([mailbox.Id], cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Mailbox {mailbox.Id} could be neither inserted nor found.");
                stored.Mail = mailbox.Mail;
                stored.UserPrincipalName = mailbox.UserPrincipalName;
                stored.DisplayName = mailbox.DisplayName;
                stored.Aliases = mailbox.Aliases;
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

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

    /// <summary>A sync of the mailbox has started; what its last failure was stays until this one ends.</summary>
    public Task RecordSyncStartedAsync(string mailboxId, DateTimeOffset started, CancellationToken cancellationToken) =>
        UpdateMailboxAsync(mailboxId, m =>
        {
            m.LastSyncStatus = SyncOutcome.Running.ToWire();
            m.LastSyncError = null;
            m.LastSyncStartedMs = started.ToUnixTimeMilliseconds();
        }, cancellationToken);

    /// <summary>The sync was cancelled: nothing failed, so the failure count and the next attempt stay as they were.</summary>
    public Task RecordSyncCancelledAsync(string mailboxId, string detail, CancellationToken cancellationToken) =>
        UpdateMailboxAsync(mailboxId, m =>
        {
            m.LastSyncStatus = SyncOutcome.Cancelled.ToWire();
            m.LastSyncError = detail;
        }, cancellationToken);

    /// <summary>The sync succeeded: the failures in a row, their kind and any pause are forgotten.</summary>
    public Task RecordSyncSucceededAsync(string mailboxId, DateTimeOffset completed, CancellationToken cancellationToken) =>
        UpdateMailboxAsync(mailboxId, m =>
        {
            m.LastSyncStatus = SyncOutcome.Succeeded.ToWire();
            m.LastSyncError = null;
            m.LastSyncCompletedMs = completed.ToUnixTimeMilliseconds();
            m.LastFailureKind = null;
            m.ConsecutiveFailures = 0;
            m.NextAttemptMs = null;
        }, cancellationToken);

    /// <summary>
    /// The sync failed with <paramref name="kind"/>: one more failure in a row, and the next attempt the policy
    /// allows. <paramref name="detail"/> is short and never holds tokens or message content.
    /// </summary>
    public Task RecordSyncFailedAsync(string mailboxId, SyncFailureKind kind, string detail, DateTimeOffset failedAt, SyncFailurePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return UpdateMailboxAsync(mailboxId, m => RecordFailure(m, kind, detail, failedAt, policy), cancellationToken);
    }

    /// <summary>
    /// At start-up: a mailbox still "running" was being synced when the process stopped (a crash, a kill), so
    /// that sync will never end by itself. Records it as failed (<see cref="SyncFailureKind.Unexpected"/>);
    /// returns how many there were.
    /// </summary>
    /// <summary>The ids of the mailboxes marked "running" (by this instance or another).</summary>
    public async Task<IReadOnlyList<string>> RunningSyncsAsync(CancellationToken cancellationToken)
    {
        var running = SyncOutcome.Running.ToWire();
        await using var context = database.CreateContext();
        return await context.Mailboxes.AsNoTracking().Where(m => m.LastSyncStatus == running).Select(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the syncs of <paramref name="mailboxIds"/> still marked "running" as interrupted (failed, unexpected).</summary>
    public async Task<int> ResetInterruptedSyncsAsync(IReadOnlyCollection<string> mailboxIds, DateTimeOffset now, SyncFailurePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailboxIds);
        ArgumentNullException.ThrowIfNull(policy);
        if (mailboxIds.Count == 0)
        {
            return 0;
        }

        var running = SyncOutcome.Running.ToWire();
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var stale = await context.Mailboxes.Where(m => m.LastSyncStatus == running && mailboxIds.Contains(m.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var mailbox in stale)
            {
                RecordFailure(mailbox, SyncFailureKind.Unexpected, InterruptedDetail, now, policy);
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return stale.Count;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    private static void RecordFailure(MailboxRow mailbox, SyncFailureKind kind, string detail, DateTimeOffset failedAt, SyncFailurePolicy policy)
    {
        mailbox.LastSyncStatus = SyncOutcome.Failed.ToWire();
        mailbox.LastSyncError = detail;
        mailbox.LastSyncCompletedMs = failedAt.ToUnixTimeMilliseconds();
        mailbox.LastFailureKind = kind.ToWire();
        mailbox.ConsecutiveFailures++;
        mailbox.NextAttemptMs = policy.NextAttempt(kind, mailbox.ConsecutiveFailures, failedAt)?.ToUnixTimeMilliseconds();
    }

    private async Task UpdateMailboxAsync(string mailboxId, Action<MailboxRow> update, CancellationToken cancellationToken)
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

            update(mailbox);
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
