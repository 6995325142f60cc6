namespace NetworkSync.Storage.Coordination;

/// <summary>
/// A held mailbox lease: renewed in the background every renewal period while the sync runs, released
/// on dispose. Should a renewal find the lease taken (this process stalled past its expiry and another
/// instance took over), <see cref="Lost"/> is cancelled so the sync stops writing: the new holder
/// finishes it, from the delta tokens committed so far.
/// </summary>
public sealed class MailboxLease : IAsyncDisposable
{
    private readonly MailboxLeases leases;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task heartbeat;

    internal MailboxLease(MailboxLeases leases, string mailboxId, TimeSpan renewEvery, TimeProvider time)
    {
        this.leases = leases;
        MailboxId = mailboxId;
        heartbeat = RenewAsync(renewEvery, time);
    }

    public string MailboxId { get; }

    /// <summary>Cancelled when the lease was lost to another instance.</summary>
    public CancellationToken Lost => lost.Token;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await heartbeat.ConfigureAwait(false);
        try
        {
            await leases.ReleaseAsync(MailboxId, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            stop.Dispose();
            lost.Dispose();
        }
    }

    private async Task RenewAsync(TimeSpan every, TimeProvider time)
    {
        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop.Token).ConfigureAwait(false);

                // A renewal that throws (the database briefly away) is tried again at the next beat;
                // only a renewal that finds another owner means the lease is gone.
                bool held;
                try
                {
                    held = await leases.RenewAsync(MailboxId, stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    continue;
                }

                if (!held)
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released: the sync is over.
        }
    }
}
