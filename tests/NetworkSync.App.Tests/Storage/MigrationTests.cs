using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NetworkSync.Application;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Storage;

/// <summary>Both providers' migrations: complete for the model, applied to an empty database, and a newer schema refused.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Neither_provider_has_model_changes_its_migrations_lack()
    {
        using var sqlite = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("pending.db") });
        using var sqliteContext = sqlite.CreateContext();
        using var postgresContext = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(sqliteContext.Database.HasPendingModelChanges(), "SQLite: run dotnet ef migrations add --context NetworkSyncDbContext");
        Assert.False(postgresContext.Database.HasPendingModelChanges(), "PostgreSQL: run dotnet ef migrations add --context PostgresNetworkSyncDbContext --output-dir Migrations/Postgres");
        Assert.NotEmpty(postgresContext.Database.GetMigrations());
    }

    [PostgresFact]
    public async Task Migrations_give_an_empty_PostgreSQL_database_every_table_of_the_model_in_lower_case()
    {
        using var database = await TestDatabases.CreateAsync(StorageProvider.Postgres, "migrate");
        await using var context = database.CreateContext();
        var expected = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Append("__EFMigrationsHistory").Order(StringComparer.Ordinal).ToList();

        var tables = new List<string>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name COLLATE \"C\";";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(expected, tables);
        Assert.Contains("messages", tables);
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());

        // Migrating again is a no-op, as at every start.
        await database.MigrateAsync(CancellationToken.None);
    }

    [Theory]
    [StorageProviders]
    public async Task A_schema_from_a_newer_version_is_refused_saying_so(StorageProvider provider)
    {
        using var database = await TestDatabases.CreateAsync(provider, "newer");
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES (@id, @version);";
            command.AddParameter("@id", "29991231000000_FromANewerVersion");
            command.AddParameter("@version", "99.0.0");
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => database.MigrateAsync(CancellationToken.None));

        Assert.Contains("has a schema from a newer version of NetworkSync", refused.Message, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromANewerVersion", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Storage:ConnectionString is required when Storage:Provider is Postgres")]
    [InlineData("Host=;Database=x", "Storage:ConnectionString: names no host")]
    [InlineData("postgresql://u:pw@[not-a-host/db", "Storage:ConnectionString: not a valid postgresql://")]
    [InlineData("Nonsense Keyword=1", "Storage:ConnectionString: not a valid Npgsql connection string")]
    public void A_postgres_provider_without_a_usable_connection_string_fails_the_start_naming_the_setting(string? connectionString, string message)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString };
        var services = new ServiceCollection();
        services.AddNetworkSyncCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", failure.Message, StringComparison.Ordinal);
    }
}
