using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.Application;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests.Coordination;

/// <summary>
/// Two "instances" in one test process: two service providers, each over its own <see cref="SqliteDatabase"/>
/// object on one database file (so nothing in memory is shared, as between two processes), both pointed at
/// one Graph emulator serving a generated mailbox. The real clock, since leases and budgets are about time.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private readonly List<Instance> instances = [];

    private TwoInstances(ExternalGraph graph) => Graph = graph;

    public ExternalGraph Graph { get; }

    public Instance A => instances[0];

    public Instance B => instances[1];

    public static async Task<TwoInstances> StartAsync(Action<CoordinationOptions>? coordination = null)
    {
        var pair = new TwoInstances(await ExternalGraph.StartAsync());
        var path = CliRunner.TempPath("shared.db");
        for (var i = 0; i < 2; i++)
        {
            pair.instances.Add(await Instance.StartAsync(path, pair.Graph, coordination ?? (_ => { })));
        }

        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await Graph.DisposeAsync();
    }

    internal sealed class Instance : IAsyncDisposable
    {
        private Instance(SqliteDatabase database, ServiceProvider services)
        {
            Database = database;
            Services = services;
        }

        public SqliteDatabase Database { get; }

        public ServiceProvider Services { get; }

        public SyncCoordinator Coordinator => Services.GetRequiredService<SyncCoordinator>();

        public T Get<T>()
            where T : notnull => Services.GetRequiredService<T>();

        public static async Task<Instance> StartAsync(string path, ExternalGraph graph, Action<CoordinationOptions> coordination)
        {
            var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
            await database.MigrateAsync(CancellationToken.None);
            var services = TestCore.Build(database, TimeProvider.System, new RunMode(Demo: false), test =>
            {
                test.PostConfigure<GraphOptions>(options =>
                {
                    options.TenantId = "contoso-test";
                    options.BaseUrl = graph.Emulator.GraphBaseUrl.ToString();
                    options.AuthMode = GraphAuthMode.Emulator;
                    options.EmulatorTokenEndpoint = graph.Emulator.TokenEndpoint.ToString();
                });
                test.PostConfigure(coordination);
                test.RemoveAll<IAfterMailboxSync>();
            });
            return new Instance(database, services);
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            Database.Dispose();
        }
    }
}
