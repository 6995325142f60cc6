using System.Net;
using System.Net.Sockets;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Storage;

/// <summary>Every verb's `--db` takes a postgresql:// URI (cli.md, "Databases"); run as real processes.</summary>
public sealed class PostgresCliTests
{
    private const string AsOf = "2026-11-25T12:00:00Z";
    private const string Mailbox = "dana.whitfield@contoso.example";

    [PostgresFact]
    public async Task Sync_contacts_and_intros_on_a_postgresql_uri_answer_exactly_as_on_a_sqlite_file()
    {
        var fixture = CliRunner.TempPath("pg-cli-fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40", "--as-of", AsOf)).ExitCode);
        var (cluster, name) = await SharedPostgres.CreateDatabaseAsync("cli");
        var postgres = cluster.Uri(name);
        var sqlite = CliRunner.TempPath("cli.db");

        foreach (var db in new[] { sqlite, postgres })
        {
            var synced = await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf);
            Assert.True(synced.ExitCode == 0, synced.StdErr);
            Assert.DoesNotContain(cluster.Password, synced.StdErr + synced.StdOut, StringComparison.Ordinal);
        }

        var fromSqlite = await CliRunner.RunAsync("contacts", "--db", sqlite, "--mailbox", Mailbox, "--as-of", AsOf, "--json", "--all");
        var fromPostgres = await CliRunner.RunAsync("contacts", "--db", postgres, "--mailbox", Mailbox, "--as-of", AsOf, "--json", "--all");
        Assert.True(fromPostgres.ExitCode == 0, fromPostgres.StdErr);
        Assert.StartsWith("[", fromPostgres.StdOut.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(fromSqlite.StdOut, fromPostgres.StdOut);

        using var contacts = System.Text.Json.JsonDocument.Parse(fromPostgres.StdOut);
        var someone = contacts.RootElement.EnumerateArray().Select(c => c.GetProperty("address").GetString()!).Last();
        var introsSqlite = await CliRunner.RunAsync("intros", "--db", sqlite, "--mailbox", Mailbox, "--to", someone, "--as-of", AsOf, "--json");
        var introsPostgres = await CliRunner.RunAsync("intros", "--db", postgres, "--mailbox", Mailbox, "--to", someone, "--as-of", AsOf, "--json");
        Assert.True(introsPostgres.ExitCode == 0, introsPostgres.StdErr);
        Assert.Equal(introsSqlite.StdOut, introsPostgres.StdOut);
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_saying_so_without_the_password()
    {
        var port = FreePort();
        var uri = $"postgresql://someone:very-secret-pw@127.0.0.1:{port}/networksync";

        var (exit, stdout, stderr) = await CliRunner.RunAsync("contacts", "--db", uri, "--mailbox", Mailbox);

        AssertOneLineFailure(exit, stdout, stderr, "cannot reach the server (connection refused");
        Assert.Contains($"PostgreSQL 127.0.0.1:{port}/networksync", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-pw", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_uri_is_one_line_without_the_password()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("contacts", "--db", "postgresql://someone:very-secret-pw@[oops/db", "--mailbox", Mailbox);

        AssertOneLineFailure(exit, stdout, stderr, "--db: not a valid postgresql://user[:password]@host[:port]/database URI");
        Assert.DoesNotContain("very-secret-pw", stderr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_wrong_password_and_a_missing_database_are_each_one_line_saying_which()
    {
        var (cluster, name) = await SharedPostgres.CreateDatabaseAsync("badinput");

        var wrongPassword = await CliRunner.RunAsync("contacts", "--db", $"postgresql://{PostgresCluster.Superuser}:not-the-password@127.0.0.1:{cluster.Port}/{name}", "--mailbox", Mailbox);
        var missing = await CliRunner.RunAsync("contacts", "--db", cluster.Uri("no_such_database"), "--mailbox", Mailbox);

        AssertOneLineFailure(wrongPassword.ExitCode, wrongPassword.StdOut, wrongPassword.StdErr, "authentication failed");
        Assert.DoesNotContain("not-the-password", wrongPassword.StdErr, StringComparison.Ordinal);
        AssertOneLineFailure(missing.ExitCode, missing.StdOut, missing.StdErr, "the database does not exist");
        Assert.DoesNotContain(cluster.Password, missing.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [StorageProviders]
    public async Task A_verb_on_a_database_with_a_newer_schema_refuses_to_start_saying_so(StorageProvider provider)
    {
        string db;
        if (provider == StorageProvider.Postgres)
        {
            var (cluster, name) = await SharedPostgres.CreateDatabaseAsync("newercli");
            db = cluster.Uri(name);
            cluster.Sql(name, "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL); INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromANewerVersion', '99.0.0');");
        }
        else
        {
            db = CliRunner.TempPath("newer.db");
            using var database = new SqliteDatabase(new StorageOptions { DatabasePath = db });
            await database.MigrateAsync(CancellationToken.None);
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromANewerVersion', '99.0.0');";
            await command.ExecuteNonQueryAsync();
        }

        var (exit, stdout, stderr) = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox);

        AssertOneLineFailure(exit, stdout, stderr, "has a schema from a newer version of NetworkSync");
    }

    private static void AssertOneLineFailure(int exit, string stdout, string stderr, string expected)
    {
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("networksync: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
