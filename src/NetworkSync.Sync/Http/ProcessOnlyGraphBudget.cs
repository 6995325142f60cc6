namespace NetworkSync.Sync.Http;

/// <summary>
/// No budget beyond the process's own handlers (the per-mailbox concurrency cap and Retry-After): for a
/// Graph client with no database behind it (the Sync tests' harness, the benchmark's plain client).
/// </summary>
public sealed class ProcessOnlyGraphBudget : IMailboxGraphBudget
{
    public static readonly ProcessOnlyGraphBudget Instance = new();

    private ProcessOnlyGraphBudget()
    {
    }

    public ValueTask<IDisposable> AcquireAsync(string mailbox, CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(Nothing.Instance);

    public Task ThrottledAsync(string mailbox, DateTimeOffset until, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
