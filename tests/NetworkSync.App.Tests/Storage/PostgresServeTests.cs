using System.Net;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Storage;

/// <summary>`serve` on a PostgreSQL database: the data and Hangfire's jobs both live there.</summary>
public sealed class PostgresServeTests
{
    private const string Key = "pg-serve-test-key-0123456789";
    private const string Dana = "dana.whitfield@contoso.example";

    [PostgresFact]
    public async Task Serve_on_a_postgresql_uri_syncs_serves_the_api_and_keeps_its_jobs_in_PostgreSQL()
    {
        var fixture = CliRunner.TempPath("pg-serve-fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        var (cluster, name) = await SharedPostgres.CreateDatabaseAsync("serve");

        await using (var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", cluster.Uri(name)], key: Key))
        {
            var http = service.Http;
            Assert.Contains(Dana, await http.GetStringAsync("/api/mailboxes"), StringComparison.Ordinal);
            using var contacts = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/mailboxes/{Dana}/contacts"));
            var first = contacts.RootElement[0].GetProperty("address").GetString()!;
            Assert.Equal(HttpStatusCode.NoContent, (await http.PutAsync($"/api/mailboxes/{Dana}/contacts/{first}/overrides/muted", null)).StatusCode);
            Assert.DoesNotContain($"\"{first}\"", await http.GetStringAsync($"/api/mailboxes/{Dana}/contacts"), StringComparison.Ordinal);
            Assert.Contains($"Database: PostgreSQL 127.0.0.1:{cluster.Port}/{name}", service.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(cluster.Password, service.StandardError, StringComparison.Ordinal);
        }

        // What the service wrote is in PostgreSQL: the synced rows, the override, and Hangfire's own schema.
        Assert.True(int.Parse(cluster.Sql(name, "SELECT COUNT(*) FROM messages;").Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("1", cluster.Sql(name, "SELECT COUNT(*) FROM contactoverrides WHERE kind = 'muted';").Trim());
        Assert.Equal("hangfire", cluster.Sql(name, "SELECT schema_name FROM information_schema.schemata WHERE schema_name = 'hangfire';").Trim());
        Assert.True(int.Parse(cluster.Sql(name, "SELECT COUNT(*) FROM hangfire.server;").Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }
}
