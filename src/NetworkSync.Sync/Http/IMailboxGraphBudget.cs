namespace NetworkSync.Sync.Http;

/// <summary>
/// What a mailbox may send to Graph, whoever sends it: in-flight requests, requests per window, and the
/// wait a 429 asked for. <see cref="SharedBudgetHandler"/> asks it before each request.
/// </summary>
public interface IMailboxGraphBudget
{
    /// <summary>Waits until one more request to the mailbox may go; dispose the result once its answer is read.</summary>
    ValueTask<IDisposable> AcquireAsync(string mailbox, CancellationToken cancellationToken);

    /// <summary>A 429 said to leave the mailbox alone until <paramref name="until"/>.</summary>
    Task ThrottledAsync(string mailbox, DateTimeOffset until, CancellationToken cancellationToken);
}
