using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Hosting;

/// <summary>
/// /healthz/ready: not before start-up is done, then only while the database answers, probed afresh each time
/// (a database that comes back makes it ready again); /healthz/live: 200 while serving. Both anonymous.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_waits_for_start_up_then_follows_the_database_as_it_goes_and_comes_back()
    {
        var folder = CliRunner.TempPath("ready");
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = Path.Combine(folder, "networksync.db") });
        await database.MigrateAsync(CancellationToken.None);
        var readiness = new Readiness(database, NullLogger<Readiness>.Instance);

        Assert.Equal(ReadinessState.Starting, await readiness.CheckAsync(CancellationToken.None));
        var starting = await ProbeEndpoints.GetReady(readiness, new DefaultHttpContext().Response, CancellationToken.None);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsType<ProblemHttpResult>(starting.Result).StatusCode);

        readiness.MarkStartupDone();
        Assert.Equal(ReadinessState.Ready, await readiness.CheckAsync(CancellationToken.None));

        // The database's folder goes away (a lost volume): no connection can open, so the probe fails...
        var away = folder + "-away";
        Directory.Move(folder, away);
        SqliteConnection.ClearAllPools();
        Assert.Equal(ReadinessState.DatabaseUnavailable, await readiness.CheckAsync(CancellationToken.None));
        var gone = await ProbeEndpoints.GetReady(readiness, new DefaultHttpContext().Response, CancellationToken.None);
        var problem = Assert.IsType<ProblemHttpResult>(gone.Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.DoesNotContain(folder, problem.ProblemDetails.Detail, StringComparison.Ordinal);

        // ...and once it is back, the next probe is ready again, without a restart.
        Directory.Move(away, folder);
        var back = await ProbeEndpoints.GetReady(readiness, new DefaultHttpContext().Response, CancellationToken.None);
        Assert.Equal("ready", Assert.IsType<Ok<ProbeStatus>>(back.Result).Value!.Status);
    }

    [Fact]
    public async Task A_running_service_answers_live_and_ready_to_anyone_without_detail()
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        await using var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("probes.db")], key: "readiness-test-key-0123456789", waitForHealthy: false);
        using var anonymous = new HttpClient { BaseAddress = service.BaseAddress };
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return (await anonymous.GetAsync("/healthz/live")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }), service.StandardError);

        foreach (var (path, word) in new[] { ("/healthz/live", "live"), ("/healthz/ready", "ready") })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(word, body["status"]!.GetValue<string>());
            Assert.Single(body);
        }
    }
}
