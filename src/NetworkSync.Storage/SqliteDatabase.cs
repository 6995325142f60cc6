using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NetworkSync.Storage;

/// <summary>
/// The one database file: creates its folder (owner-only, as the file), applies migrations, and opens tuned connections.
/// Writes are serialised through <see cref="WriteGate"/> because SQLite has a single writer.
/// </summary>
public sealed class SqliteDatabase(StorageOptions options) : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DataVersionLog> dataVersions = new(StringComparer.Ordinal);
    private SqliteConnection? writer;

    public string ConnectionString { get; } = options.ConnectionString;

    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    public string DatabasePath { get; } = Path.GetFullPath(options.DatabasePath);

    public NetworkSyncDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<NetworkSyncDbContext>().UseSqlite(ConnectionString).Options);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }

        // Owner-only before SQLite first opens it: SQLite gives its -wal and -shm files the database's mode.
        PrivateFiles.RestrictFile(DatabasePath);
        foreach (var companion in new[] { DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + "-journal" })
        {
            if (File.Exists(companion))
            {
                PrivateFiles.RestrictFile(companion);
            }
        }

        await using (var context = CreateContext())
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        // WAL lets the API read while a sync writes; it is a property of the file, so set once.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs bulk writes on the one long-lived writer connection, under <see cref="WriteGate"/>. Keeping
    /// it open keeps SQLite's page cache warm between pages: reopening per page made writes 1.6x slower.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            writer ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            return work(writer);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>An EF Core unit of work under <see cref="WriteGate"/>: SQLite takes one writer at a time.</summary>
    public async Task WriteContextAsync(Func<NetworkSyncDbContext, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = CreateContext();
            await work(context).ConfigureAwait(false);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>
    /// Goes up each time a page of this mailbox's metadata is committed in this process, so caches of
    /// derived data (scores) know to refresh as pages arrive.
    /// </summary>
    public long DataVersion(string mailboxId) => dataVersions.TryGetValue(mailboxId, out var log) ? log.Version : 0;

    /// <summary>Moves the data version after a write whose change is not known row by row: caches recompute.</summary>
    public void MarkChanged(string mailboxId) => MarkChanged(mailboxId, null);

    /// <summary>Moves the data version and says what moved it, so caches can apply just that (see <see cref="ChangesBetween"/>).</summary>
    public void MarkChanged(string mailboxId, MailboxDataChange? change)
    {
        var version = dataVersions.GetOrAdd(mailboxId, static _ => new DataVersionLog()).Bump(change);
        DataChanged?.Invoke(mailboxId, version);
    }

    /// <summary>Raised by <see cref="MarkChanged(string, MailboxDataChange?)"/> with the new local version (see Coordination.SharedDataVersions).</summary>
    public event Action<string, long>? DataChanged;

    /// <summary>
    /// What the writes after data version <paramref name="since"/>, up to <paramref name="until"/>,
    /// changed; null when any of them did not say (or is too long ago): then recompute.
    /// </summary>
    public MailboxDataChange? ChangesBetween(string mailboxId, long since, long until) =>
        dataVersions.TryGetValue(mailboxId, out var log) ? log.Between(since, until) : null;

    public void Dispose()
    {
        writer?.Dispose();
        writer = null;
        WriteGate.Dispose();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-32768;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
