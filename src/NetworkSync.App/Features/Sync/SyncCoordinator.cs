using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync;
using NetworkSync.Sync.Authentication;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;

namespace NetworkSync.App.Features.Sync;

/// <summary>
/// The one way into syncing, shared by the CLI's sync verb, the start-up sync and the Hangfire jobs.
/// A mailbox is never synced twice at once in this process: overlapping requests wait their turn.
/// After each successful mailbox sync the <see cref="IAfterMailboxSync"/> steps run (follow-ups).
/// </summary>
public sealed partial class SyncCoordinator : IDisposable
{
    private const string DirectoryStateKey = "directory";
    private static readonly TimeSpan DirectoryRefresh = TimeSpan.FromDays(1);

    private readonly GraphOptions options;
    private readonly SqliteDatabase database;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly Lazy<(GraphConnection Connection, SyncEngine Engine)> graph;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> mailboxLocks = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IAfterMailboxSync> followers;
    private readonly ILogger logger;

    private readonly IDataProtectionProvider? dataProtection;

    public SyncCoordinator(
        IOptions<GraphOptions> options,
        SqliteDatabase database,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IEnumerable<IAfterMailboxSync>? followers = null,
        IDataProtectionProvider? dataProtection = null)
    {
        this.dataProtection = dataProtection;
        this.options = options.Value;
        this.database = database;
        this.time = time;
        this.loggerFactory = loggerFactory;
        this.followers = followers?.ToList() ?? [];
        logger = loggerFactory.CreateLogger<SyncCoordinator>();
        graph = new Lazy<(GraphConnection, SyncEngine)>(CreateGraph, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public long GraphRequests => graph.IsValueCreated ? graph.Value.Connection.Stats.Requests : 0;

    /// <summary>The Graph client every sync of this process shares (created on first use).</summary>
    public GraphConnection Connection => graph.Value.Connection;

    public Task<IReadOnlyList<MailboxRow>> DiscoverAsync(CancellationToken cancellationToken) =>
        graph.Value.Engine.DiscoverMailboxesAsync(cancellationToken);

    public async Task<MailboxSyncResult> SyncMailboxAsync(MailboxRow mailbox, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var gate = mailboxLocks.GetOrAdd(mailbox.Id, _ => new SemaphoreSlim(1, 1));
        MailboxSyncResult result;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            result = await graph.Value.Engine.SyncMailboxAsync(mailbox, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        if (result.Succeeded)
        {
            foreach (var follower in followers)
            {
                try
                {
                    await follower.RunAsync(mailbox, graph.Value.Connection, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The sync itself succeeded and is committed; what follows it will run again next time.
                    LogFollowerFailed(logger, follower.GetType().Name, mailbox.Id, ex.GetType().Name, ex.Message);
                }
            }
        }

        return result;
    }

    public async Task<SyncRunSummary> SyncAllAsync(IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var before = GraphRequests;
        var mailboxes = await MailboxesToSyncAsync(cancellationToken).ConfigureAwait(false);
        var results = new MailboxSyncResult[mailboxes.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, mailboxes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await SyncMailboxAsync(mailboxes[i], progress, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new SyncRunSummary(results, GraphRequests - before, stopwatch.Elapsed);
    }

    /// <summary>
    /// The mailboxes to sync. The directory is listed on the first run and then once a day, not on every
    /// sync, so that a re-sync of an unchanged mailbox costs only its delta round-trips.
    /// </summary>
    public async Task<IReadOnlyList<MailboxRow>> MailboxesToSyncAsync(CancellationToken cancellationToken)
    {
        var store = new MailboxStore(database);
        var known = await store.ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
        var directory = await store.GetSyncStateAsync(DirectoryStateKey, DirectoryStateKey, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (known.Count > 0 && directory is not null && now - directory.UpdatedMs < DirectoryRefresh.TotalMilliseconds)
        {
            return known;
        }

        var discovered = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        await store.SaveSyncStateAsync(new SyncStateRow { MailboxId = DirectoryStateKey, Collection = DirectoryStateKey, UpdatedMs = now }, cancellationToken).ConfigureAwait(false);
        return discovered;
    }

    public void Dispose()
    {
        if (graph.IsValueCreated)
        {
            graph.Value.Connection.Dispose();
        }

        foreach (var gate in mailboxLocks.Values)
        {
            gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Step} after the sync of mailbox {Mailbox} failed ({Error}: {Reason})")]
    private static partial void LogFollowerFailed(ILogger logger, string step, string mailbox, string error, string reason);

    private (GraphConnection, SyncEngine) CreateGraph()
    {
        // Delegated sign-in keeps its tokens across restarts only encrypted at rest (Data Protection).
        var tokenCache = options.AuthMode == GraphAuthMode.DeviceCode && dataProtection is not null && options.TokenCachePath.Length > 0
            ? new ProtectedTokenCache(dataProtection.CreateProtector(ProtectedTokenCache.Purpose), options.TokenCachePath)
            : null;
        var credential = CredentialFactory.Create(options, time, message => Console.Error.WriteLine(message), tokenCache);
        var connection = GraphConnection.Create(options, credential, time, loggerFactory);
        return (connection, new SyncEngine(connection, options, database, time, loggerFactory));
    }
}
