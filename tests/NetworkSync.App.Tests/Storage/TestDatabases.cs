using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Storage;

/// <summary>A test's own empty database, migrated, on either provider.</summary>
internal static class TestDatabases
{
    public static async Task<NetworkSyncDatabase> CreateAsync(StorageProvider provider, string purpose)
    {
        NetworkSyncDatabase database;
        if (provider == StorageProvider.Postgres)
        {
            var (cluster, name) = await SharedPostgres.CreateDatabaseAsync(purpose);
            database = new PostgresDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = cluster.ConnectionString(name) });
        }
        else
        {
            database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath(purpose + ".db") });
        }

        await database.MigrateAsync(CancellationToken.None);
        return database;
    }
}
