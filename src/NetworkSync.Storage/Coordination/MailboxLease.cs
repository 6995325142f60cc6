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

    internal MailboxLease(MailboxLeases leases, string mailboxId, TimeSpan renewEvery, TimeSpan leaseLength, TimeProvider time)
    {
        this.leases = leases;
        MailboxId = mailboxId;
        heartbeat = RenewAsync(renewEvery, leaseLength, time);
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: the lease expires by itself, and the sync's own outcome must stand.
        }
        finally
        {
            stop.Dispose();
            lost.Dispose();
        }
    }

    private async Task RenewAsync(TimeSpan every, TimeSpan leaseLength, TimeProvider time)
    {
        var renewedAt = time.GetUtcNow();
        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop.Token).ConfigureAwait(false);

                // A renewal that throws (the database briefly away) is tried again at the next beat, but
                // once renewals have failed for a whole lease length the lease has expired and another
                // instance may hold it: this one is lost then too, so two instances never sync at once.
                bool held;
                try
                {
                    held = await leases.RenewAsync(MailboxId, stop.Token).ConfigureAwait(false);
                    renewedAt = time.GetUtcNow();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    held = time.GetUtcNow() < renewedAt + leaseLength - every;
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
