namespace NetworkSync.App.Tests.Storage;

/// <summary>
/// The one PostgreSQL server of a test run (<see cref="PostgresCluster"/>), started by the first test that asks
/// and stopped, its folder deleted, when the test process exits. Each test class or test takes its own database.
/// </summary>
internal static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(PostgresCluster.StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when PostgreSQL tests must run (and fail if it is missing): set by scripts/test-all.sh.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(PostgresCluster.RequireVariable) == "1";

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run.</summary>
    public static string? SkipReason => Required || PostgresCluster.FindBinaries() is not null
        ? null
        : PostgresCluster.InstallHint + $" ({PostgresCluster.RequireVariable}=1 makes this a failure)";

    public static Task<PostgresCluster> ClusterAsync() => Cluster.Value;

    /// <summary>A fresh database on the shared server, as an Npgsql connection string.</summary>
    public static async Task<(PostgresCluster Cluster, string Database)> CreateDatabaseAsync(string purpose)
    {
        var cluster = await ClusterAsync();
        return (cluster, await cluster.CreateDatabaseAsync(purpose));
    }
}
