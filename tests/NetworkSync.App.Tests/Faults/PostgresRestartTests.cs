using System.Diagnostics;
using System.Net;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.App.Tests.Storage;
using NetworkSync.GraphEmulator;

namespace NetworkSync.App.Tests.Faults;

/// <summary>
/// PostgreSQL stopped and started again (same port) while a `networksync serve` process is in its first sync:
/// /healthz/ready says 503 while the database is down and 200 once it is back, and the sync completes by itself
/// to exactly a clean sync's state.
/// </summary>
[Collection(FaultSuite.Name)]
[Trait("Category", "Faults")]
public sealed class PostgresRestartTests
{
    private const string Key = "pg-restart-test-key-0123456789";

    [PostgresFact]
    public async Task A_postgresql_restart_mid_sync_is_503_on_ready_while_down_then_200_and_the_sync_completes_by_itself()
    {
        // Its own server: stopping the shared one would fail every other PostgreSQL test running meanwhile.
        await using var cluster = await PostgresCluster.StartAsync();
        await using var mailbox = await FaultMailbox.StartAsync(5000, cluster);
        var clean = await mailbox.CleanSyncAsync();
        var total = await mailbox.MessageRowsAsync(clean);
        var db = await mailbox.CreateDatabaseAsync("restarted");

        // Slow pages keep the first sync running across the outage.
        mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(1000), Method = "GET", Times = 30 });
        await using var service = await ServiceProcess.StartAsync(["--db", db], mailbox.SyncEnvironment(), Key, waitForHealthy: false);
        using var anonymous = new HttpClient { BaseAddress = service.BaseAddress };

        await WaitForAsync(async () => await mailbox.MessageRowsAsync(db) > 0, TimeSpan.FromMinutes(2), "the service never stored a page before the restart");
        Assert.True(await mailbox.MessageRowsAsync(db) < total, "the first sync finished before the database went down: nothing was mid-sync");
        cluster.StopServer();
        await WaitForAsync(async () => await ReadyAsync(anonymous) == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "/healthz/ready never said 503 with the database down");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyAsync(anonymous));

        cluster.StartServer();
        await WaitForAsync(async () => await ReadyAsync(anonymous) == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/healthz/ready never said 200 once the database was back");
        await WaitForAsync(async () => await mailbox.MessageRowsAsync(db) >= total, TimeSpan.FromMinutes(2), $"the sync did not complete by itself after the restart: {service.StandardError}");
        await WaitForAsync(async () => (await anonymous.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(1), "/healthz never said healthy after the restart");
        mailbox.Emulator.Faults.Clear();
        await mailbox.AssertSameAsCleanAsync(clean, db);
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz/ready");
        return response.StatusCode;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                // the database or the service is between states: ask again
            }

            Assert.True(clock.Elapsed < timeout, $"after {timeout.TotalSeconds:0} s: {failure}");
            await Task.Delay(200);
        }
    }
}
