using System.Collections.Concurrent;
using System.Data.Common;

namespace NetworkSync.Storage;

/// <summary>
/// The one database NetworkSync keeps its data in, whichever the provider (<see cref="StorageProvider"/>):
/// applies migrations, opens connections, runs writes (SQLite's all under <see cref="WriteGate"/>) and keeps the
/// in-process data versions. Stores work on <see cref="DbConnection"/> with the SQL
/// both providers take, and ask <see cref="Dialect"/> for the little that differs.
/// </summary>
public abstract class NetworkSyncDatabase : IDisposable
{
    private readonly ConcurrentDictionary<string, DataVersionLog> dataVersions = new(StringComparer.Ordinal);

    protected NetworkSyncDatabase(SqlDialect dialect)
    {
        Dialect = dialect;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The database <paramref name="options"/> name: SQLite (the default) or PostgreSQL.</summary>
    public static NetworkSyncDatabase For(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StorageProvider.Postgres ? new PostgresDatabase(options) : new SqliteDatabase(options);
    }

    /// <summary>Serialises writes in this process: all of them on SQLite, the stores' read-modify-write units on PostgreSQL.</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>Where the data is, for people: a file path, or host, port and database (never a password).</summary>
    public abstract string Location { get; }

    public abstract NetworkSyncDbContext CreateContext();

    /// <summary>Brings the schema up to date; refuses a schema from a newer version (<see cref="StorageUnavailableException"/>).</summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs bulk writes on a connection of the provider's choosing, under <see cref="WriteGate"/>.</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, T> work, CancellationToken cancellationToken);

    /// <summary>An EF Core unit of work under <see cref="WriteGate"/>.</summary>
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
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            WriteGate.Dispose();
        }
    }

    /// <summary>
    /// Refuses a database that has migrations this build does not know: a newer version wrote its schema,
    /// and running older code over it could lose data.
    /// </summary>
    protected static async Task RefuseNewerSchemaAsync(NetworkSyncDbContext context, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var known = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(context.Database).ToHashSet(StringComparer.Ordinal);
        var applied = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(context.Database, cancellationToken).ConfigureAwait(false);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StorageUnavailableException(
                $"the database at {location} has a schema from a newer version of NetworkSync (migration {unknown[^1]} is unknown to this one): upgrade NetworkSync, or point it at another database");
        }
    }
}
