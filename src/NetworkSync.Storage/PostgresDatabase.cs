using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NetworkSync.Storage;

/// <summary>
/// A PostgreSQL database (<c>Storage:Provider</c> Postgres): pooled connections, one per unit of work. Page writes
/// and the privacy passes (<see cref="WriteAsync{T}"/>) take no gate: the server orders concurrent writers itself,
/// each page one transaction as on SQLite. The stores' small read-modify-write units still take the in-process
/// <see cref="NetworkSyncDatabase.WriteGate"/>, which is what made them atomic on SQLite (a settings row created
/// twice at once, say); across instances that needs the database's own locking, which this class does not add.
/// Failing to reach it, to sign in or to find the database is said in one line (<see cref="StorageUnavailableException"/>).
/// </summary>
public sealed class PostgresDatabase : NetworkSyncDatabase
{
    private readonly NpgsqlDataSource dataSource;

    public PostgresDatabase(StorageOptions options)
        : base(SqlDialect.Postgres)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectionString = PostgresConnectionString.Normalize(options.ConnectionString
            ?? throw new ArgumentException("Storage:ConnectionString is required for PostgreSQL", nameof(options)));
        Location = "PostgreSQL " + PostgresConnectionString.Describe(ConnectionString);
        dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The Npgsql connection string (holds the password: never log it).</summary>
    public string ConnectionString { get; }

    public override string Location { get; }

    public static PostgresNetworkSyncDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresNetworkSyncDbContext>().UseNpgsql(connectionString).Options);

    public override NetworkSyncDbContext CreateContext() =>
        new PostgresNetworkSyncDbContext(new DbContextOptionsBuilder<PostgresNetworkSyncDbContext>().UseNpgsql(dataSource).Options);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Connect first: EF's migrator would create a missing database, but creating databases is the
            // operator's call (and a typo in the name should say so, not make a second, empty one).
            await using (await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            await using var context = CreateContext();
            await RefuseNewerSchemaAsync(context, Location, cancellationToken).ConfigureAwait(false);
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unavailable(ex) is { } reason)
        {
            throw new StorageUnavailableException($"cannot use {Location}: {reason}", ex);
        }
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<T> WriteAsync<T>(Func<DbConnection, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return work(connection);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// What went wrong, for people: the server is not there, refused the credentials, or has no such database;
    /// null for anything else (which then surfaces as itself).
    /// </summary>
    public static string? Unavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg:
                    return "authentication failed (" + pg.MessageText + ")";
                case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName }:
                    return "the database does not exist (create it first, e.g. createdb)";
                case PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections } pg:
                    return "the server refused the connection (" + pg.MessageText + ")";
                case SocketException socket:
                    return "cannot reach the server (" + socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused: is PostgreSQL running and listening on that port?",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "no such host",
                        SocketError.TimedOut => "timed out",
                        _ => socket.SocketErrorCode.ToString(),
                    } + ")";
                case TimeoutException:
                    return "cannot reach the server (timed out)";
                case NpgsqlException { InnerException: null } npgsql when !npgsql.IsTransient:
                    return npgsql.Message;
            }
        }

        return null;
    }
}
