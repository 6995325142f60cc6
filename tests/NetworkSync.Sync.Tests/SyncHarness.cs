using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Authentication;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;

namespace NetworkSync.Sync.Tests;

/// <summary>
/// A real emulator on a loopback port, a real SQLite file and the real Graph SDK client between
/// them: nothing in the Graph path is mocked.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly List<GraphConnection> connections = [];

    private SyncHarness(GraphEmulator.GraphEmulator emulator, string databasePath, GraphOptions options)
    {
        Emulator = emulator;
        DatabasePath = databasePath;
        Options = options;
        Database = new SqliteDatabase(new StorageOptions { DatabasePath = databasePath });
    }

    public GraphEmulator.GraphEmulator Emulator { get; }

    public string DatabasePath { get; }

    public GraphOptions Options { get; }

    public SqliteDatabase Database { get; }

    /// <summary>The clock the next sync runs with (the calendar window is computed from it).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public static async Task<SyncHarness> StartAsync(
        TestFixture fixture, Action<GraphOptions>? configure = null, Func<GraphEmulatorOptions, GraphEmulatorOptions>? emulatorOptions = null)
    {
        var emulatorSettings = new GraphEmulatorOptions { FixturePath = fixture.Write() };
        var emulator = await GraphEmulator.GraphEmulator.StartAsync(emulatorOptions is null ? emulatorSettings : emulatorOptions(emulatorSettings));
        var options = new GraphOptions
        {
            BaseUrl = emulator.GraphBaseUrl.ToString(),
            AuthMode = GraphAuthMode.Emulator,
            EmulatorTokenEndpoint = emulator.TokenEndpoint.ToString(),
            PageSize = 1000,
            MaxRetries = 6,
            MaxRetryDelaySeconds = 10,
        };
        configure?.Invoke(options);
        var databasePath = Path.Combine(Path.GetTempPath(), "networksync-tests", Guid.NewGuid().ToString("N"), "test.db");
        var harness = new SyncHarness(emulator, databasePath, options);
        await harness.Database.MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Syncs every mailbox once with a fresh client (like a new process would) and returns the only mailbox's result.</summary>
    public async Task<MailboxSyncResult> SyncAsync(CancellationToken cancellationToken = default)
    {
        var connection = GraphConnection.Create(Options, CredentialFactory.Create(Options, TimeProvider.System), Time, NullLoggerFactory.Instance);
        connections.Add(connection);
        var engine = new SyncEngine(connection, Options, new MailboxStore(Database), new MetadataWriter(Database), Time, NullLoggerFactory.Instance);
        var mailboxes = await engine.DiscoverMailboxesAsync(cancellationToken);
        var result = await engine.SyncMailboxAsync(Assert.Single(mailboxes), null, cancellationToken);
        return result;
    }

    /// <summary>Syncs every mailbox the tenant lists, each on its own, as the service does.</summary>
    public async Task<IReadOnlyList<MailboxSyncResult>> SyncAllAsync()
    {
        var connection = GraphConnection.Create(Options, CredentialFactory.Create(Options, TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance);
        connections.Add(connection);
        var engine = new SyncEngine(connection, Options, new MailboxStore(Database), new MetadataWriter(Database), TimeProvider.System, NullLoggerFactory.Instance);
        var results = new List<MailboxSyncResult>();
        foreach (var mailbox in await engine.DiscoverMailboxesAsync(CancellationToken.None))
        {
            results.Add(await engine.SyncMailboxAsync(mailbox, null, CancellationToken.None));
        }

        return results;
    }

    public async Task<MailboxRow> MailboxAsync() =>
        Assert.Single(await new MailboxStore(Database).ListMailboxesAsync(CancellationToken.None));

    /// <summary>Every stored row as text, sorted: two databases with equal dumps hold the same data.</summary>
    public async Task<List<string>> DumpAsync()
    {
        var rows = new List<string>();
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        foreach (var sql in new[]
        {
            "SELECT Id, Folder, SentMs, ReceivedMs, FromAddress, Recipients, ConversationId, Subject FROM Messages",
            "SELECT Id, StartMs, EndMs, IsCancelled, Response, Attendees, Subject FROM Events",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('|', values));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public async Task<(long Messages, long Events)> CountAsync() =>
        await new MetadataReader(Database).CountAsync(TestFixture.UserId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        Database.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>A clock frozen at a given instant; timers still run in real time.</summary>
    public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
