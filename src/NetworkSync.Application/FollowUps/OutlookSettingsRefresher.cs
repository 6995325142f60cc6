using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync;
using NetworkSync.Sync.Settings;

namespace NetworkSync.Application.FollowUps;

/// <summary>
/// Keeps each mailbox's Outlook zone and working hours, read from Graph at most once a refresh period so
/// that an unchanged re-sync still costs only its delta round-trips.
/// </summary>
public sealed class OutlookSettingsRefresher(MailboxStore mailboxes, MailboxSettingsStore settings, FollowUpServiceOptions options, TimeProvider time)
{
    private const string StateKey = SyncStateKeys.MailboxSettings;


    public async Task<MailboxSettingsRow> GetAsync(MailboxRow mailbox, GraphConnection? graph, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await mailboxes.GetSyncStateAsync(mailbox.Id, StateKey, cancellationToken).ConfigureAwait(false);
        var stale = state is null || Math.Abs(now.ToUnixTimeMilliseconds() - state.UpdatedMs) >= options.OutlookSettingsRefresh.TotalMilliseconds;
        if (graph is null || !stale)
        {
            return await settings.GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        }

        var outlook = await MailboxSettingsReader.ReadAsync(graph.Client, mailbox.Id, cancellationToken).ConfigureAwait(false);
        var row = await settings.UpdateAsync(mailbox.Id, r =>
        {
            r.OutlookTimeZone = outlook?.TimeZone;
            r.OutlookWorkingDays = outlook is { Days.Count: > 0 } ? FollowUpPreferences.FormatDays(outlook.Days) : null;
            r.OutlookWorkStart = outlook?.Start?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            r.OutlookWorkEnd = outlook?.End?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }, now, cancellationToken).ConfigureAwait(false);
        await mailboxes.SaveSyncStateAsync(new SyncStateRow { MailboxId = mailbox.Id, Collection = StateKey, UpdatedMs = now.ToUnixTimeMilliseconds() }, cancellationToken).ConfigureAwait(false);
        return row;
    }
}
