namespace NetworkSync.Storage;

/// <summary>
/// Lets one writer in at a time where the provider has a single writer (SQLite: a second writer would
/// wait on the file lock, then fail with "database is locked"), and everyone at once where it has not
/// (PostgreSQL, whose row locks and transactions order concurrent writers themselves).
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? gate;

    private WriteGate(SemaphoreSlim? gate) => this.gate = gate;

    public static WriteGate Exclusive() => new(new SemaphoreSlim(1, 1));

    public static WriteGate Open() => new(null);

    public Task WaitAsync(CancellationToken cancellationToken) => gate?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Wait() => gate?.Wait();

    public void Release() => gate?.Release();

    public void Dispose() => gate?.Dispose();
}
