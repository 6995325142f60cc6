using NetworkSync.Domain.Sync;
using NetworkSync.Storage;
using NetworkSync.Sync.Telemetry;

namespace NetworkSync.App.Hosting.Telemetry;

/// <summary>
/// At start, the delta lag gauge learns each mailbox's last successful sync from the database, so a restart
/// does not make a stale mailbox vanish from the gauge until its next sync. A mailbox whose last sync failed
/// has no recorded success time (the row keeps only the last attempt), so it appears after its next success.
/// </summary>
public static class DeltaLagSeed
{
    public static async Task FromStoreAsync(MailboxStore mailboxes, NetworkSyncTelemetry telemetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        ArgumentNullException.ThrowIfNull(telemetry);
        var succeeded = SyncOutcome.Succeeded.ToWire();
        foreach (var mailbox in await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (mailbox.LastSyncStatus == succeeded && mailbox.LastSyncCompletedMs is { } completed)
            {
                telemetry.RecordSuccessfulDelta(mailbox.Id, DateTimeOffset.FromUnixTimeMilliseconds(completed));
            }
        }
    }
}
