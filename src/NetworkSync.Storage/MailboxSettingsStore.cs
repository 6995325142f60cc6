using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>Per-mailbox settings (see <see cref="MailboxSettingsRow"/>).</summary>
public sealed class MailboxSettingsStore(NetworkSyncDatabase database)
{
    public async Task<MailboxSettingsRow> GetAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.MailboxSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MailboxId == mailboxId, cancellationToken).ConfigureAwait(false)
            ?? new MailboxSettingsRow { MailboxId = mailboxId };
    }

    /// <summary>The ids of the mailboxes whose owners agreed to be suggested to colleagues as introducers.</summary>
    public async Task<IReadOnlyList<string>> ListSuggestableIntroducersAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.MailboxSettings.AsNoTracking()
            .Where(s => s.SuggestAsIntroducer == true)
            .Select(s => s.MailboxId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes one mailbox's settings row (created when missing) under the write gate.</summary>
    public async Task<MailboxSettingsRow> UpdateAsync(string mailboxId, Action<MailboxSettingsRow> change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.CreateContext();
            var row = await context.MailboxSettings.FirstOrDefaultAsync(s => s.MailboxId == mailboxId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new MailboxSettingsRow { MailboxId = mailboxId };
                context.MailboxSettings.Add(row);
            }

            change(row);
            row.UpdatedMs = now.ToUnixTimeMilliseconds();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }
}
