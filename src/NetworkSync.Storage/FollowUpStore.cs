using Microsoft.EntityFrameworkCore;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>
/// Follow-ups per mailbox, and the bookkeeping of their To Do tasks. Every content change bumps the
/// row's version; the To Do pass pushes rows whose task is behind, so a change made while a push was
/// in flight is pushed again rather than lost.
/// </summary>
public sealed class FollowUpStore(NetworkSyncDatabase database)
{
    public async Task<IReadOnlyList<FollowUpRecord>> ListAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.FollowUps.AsNoTracking().Where(f => f.MailboxId == mailboxId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(FollowUpMapper.ToRecord).ToList();
    }

    public async Task<FollowUpRecord?> FindAsync(string mailboxId, string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var row = await context.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.MailboxId == mailboxId && f.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : FollowUpMapper.ToRecord(row);
    }

    /// <summary>
    /// Inserts or updates the given follow-ups in one transaction; returns how many rows changed. Nothing is
    /// written for a mailbox no longer stored: a user's action (done, snooze, a follow-up made by hand) that
    /// raced "delete all my data" must not leave a row behind it. The deletion holds the same write gate.
    /// </summary>
    public async Task<int> SaveAsync(string mailboxId, IReadOnlyCollection<FollowUpRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            if (!await context.Mailboxes.AnyAsync(m => m.Id == mailboxId, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            var ids = records.Select(r => r.Id).ToList();
            var rows = await context.FollowUps.Where(f => f.MailboxId == mailboxId && ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            foreach (var record in records)
            {
                if (!rows.TryGetValue(record.Id, out var row))
                {
                    row = new FollowUpRow { MailboxId = mailboxId, Id = record.Id, Key = record.Key, Kind = record.Kind.ToWire(), Title = record.Title, Version = 0 };
                    context.FollowUps.Add(row);
                }

                FollowUpMapper.CopyTo(record, row);
                row.Version++;
                row.UpdatedMs = now.ToUnixTimeMilliseconds();
            }

            return await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    /// <summary>Rows whose To Do task must be created, updated or deleted (or whose create is in doubt).</summary>
    public async Task<IReadOnlyList<FollowUpRow>> ListTodoWorkAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.FollowUps.AsNoTracking()
            .Where(f => f.MailboxId == mailboxId && (f.TodoCreatePending || f.Version > f.TodoPushedVersion))
            .OrderBy(f => f.DueMs)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Follow-ups whose task may or may not have been created (a create answer was lost).</summary>
    public async Task<int> CountCreatesInDoubtAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.FollowUps.CountAsync(f => f.MailboxId == mailboxId && f.TodoCreatePending && f.TodoTaskId == null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FollowUpRow?> FindByTaskAsync(string mailboxId, string taskId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.MailboxId == mailboxId && f.TodoTaskId == taskId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FollowUpRow?> FindRowAsync(string mailboxId, string id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.MailboxId == mailboxId && f.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a create request is about to be sent (before sending it: the answer may never come).</summary>
    public Task MarkCreatePendingAsync(string mailboxId, string id, CancellationToken cancellationToken) =>
        UpdateRowAsync(mailboxId, id, row => row.TodoCreatePending = true, cancellationToken);

    /// <summary>Links a follow-up to its task, which now mirrors <paramref name="version"/>.</summary>
    public Task LinkAsync(string mailboxId, string id, string taskId, long version, CancellationToken cancellationToken) =>
        UpdateRowAsync(mailboxId, id, row =>
        {
            row.TodoTaskId = taskId;
            row.TodoCreatePending = false;
            row.TodoPushedVersion = Math.Max(row.TodoPushedVersion, version);
        }, cancellationToken);

    public Task MarkPushedAsync(string mailboxId, string id, long version, CancellationToken cancellationToken) =>
        UpdateRowAsync(mailboxId, id, row => row.TodoPushedVersion = Math.Max(row.TodoPushedVersion, version), cancellationToken);

    /// <summary>Forgets a follow-up's task (deleted here or in To Do); <paramref name="version"/> is what needs no push.</summary>
    public Task UnlinkAsync(string mailboxId, string id, long version, CancellationToken cancellationToken) =>
        UpdateRowAsync(mailboxId, id, row =>
        {
            row.TodoTaskId = null;
            row.TodoCreatePending = false;
            row.TodoPushedVersion = Math.Max(row.TodoPushedVersion, version);
        }, cancellationToken);

    /// <summary>The task list is gone (or was replaced): every link to it is void, and open follow-ups need new tasks.</summary>
    public async Task ForgetAllTasksAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            await context.FollowUps.Where(f => f.MailboxId == mailboxId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.TodoTaskId, (string?)null).SetProperty(f => f.TodoCreatePending, false).SetProperty(f => f.TodoPushedVersion, 0L), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    private async Task UpdateRowAsync(string mailboxId, string id, Action<FollowUpRow> change, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var row = await context.FollowUps.FirstOrDefaultAsync(f => f.MailboxId == mailboxId && f.Id == id, cancellationToken).ConfigureAwait(false);
            if (row is not null)
            {
                change(row);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            database.WriteGate.Release();
        }
    }
}
