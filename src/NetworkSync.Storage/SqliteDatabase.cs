using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NetworkSync.Storage;

/// <summary>
/// The one SQLite database file: creates its folder (owner-only, as the file), applies migrations, and opens tuned connections.
/// Writes are serialised through <see cref="NetworkSyncDatabase.WriteGate"/> because SQLite has a single writer.
/// </summary>
public sealed class SqliteDatabase(StorageOptions options) : NetworkSyncDatabase(SqlDialect.Sqlite)
{
    private SqliteConnection? writer;

    public string ConnectionString { get; } = options.SqliteConnectionString;

    public string DatabasePath { get; } = Path.GetFullPath(options.DatabasePath);

    public override string Location => DatabasePath;

    public override NetworkSyncDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<NetworkSyncDbContext>().UseSqlite(ConnectionString).Options);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
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
            await RefuseNewerSchemaAsync(context, DatabasePath, cancellationToken).ConfigureAwait(false);
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        // WAL lets the API read while a sync writes; it is a property of the file, so set once.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs bulk writes on the one long-lived writer connection, under the write gate. Keeping
    /// it open keeps SQLite's page cache warm between pages: reopening per page made writes 1.6x slower.
    /// </summary>
    public override async Task<T> WriteAsync<T>(Func<DbConnection, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            writer ??= await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);
            return work(writer);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await OpenSqliteAsync(cancellationToken).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writer?.Dispose();
            writer = null;
        }

        base.Dispose(disposing);
    }

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
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
