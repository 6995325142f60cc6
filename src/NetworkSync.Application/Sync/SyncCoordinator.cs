using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync;
using NetworkSync.Sync.Authentication;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;
using NetworkSync.Sync.Http;
using NetworkSync.Sync.Telemetry;

namespace NetworkSync.Application.Sync;

/// <summary>
/// The one way into syncing, shared by the CLI's sync verb, the start-up sync and the Hangfire jobs.
/// A mailbox is never synced twice at once, in this process or across the instances sharing the database:
/// each sync takes the process's lock for the mailbox, then its database lease (<see cref="MailboxLeases"/>),
/// renewed while it runs. Overlapping requests wait their turn (a second `networksync sync` on the same
/// database waits for the first, then runs a no-change delta); a scheduled tick gives up at once.
/// After each successful mailbox sync the <see cref="IAfterMailboxSync"/> steps run (follow-ups), under
/// the same per-mailbox lock, which deleting a mailbox's data takes too (<see cref="RunExclusiveAsync"/>).
/// </summary>
public sealed partial class SyncCoordinator : IDisposable
{
    /// <summary>The mailbox id and collection of the sync state recording when the directory was last listed.</summary>
    public const string DirectoryStateKey = SyncStateKeys.Directory;
    private static readonly TimeSpan DirectoryRefresh = TimeSpan.FromDays(1);

    private readonly GraphOptions options;
    private readonly MailboxStore mailboxes;
    private readonly MetadataWriter writer;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly Lazy<(GraphConnection Connection, SyncEngine Engine)> graph;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> mailboxLocks = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IAfterMailboxSync> followers;
    private readonly ILogger logger;

    private readonly TokenCacheProtection tokenCacheProtection;
    private readonly NetworkSyncTelemetry telemetry;
    private readonly MailboxLeases leases;
    private readonly IMailboxGraphBudget budget;

    public SyncCoordinator(
        IOptions<GraphOptions> options,
        MailboxStore mailboxes,
        MetadataWriter writer,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IEnumerable<IAfterMailboxSync> followers,
        TokenCacheProtection tokenCacheProtection,
        NetworkSyncTelemetry telemetry,
        MailboxLeases leases,
        IMailboxGraphBudget budget,
        SharedDataVersions sharedVersions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sharedVersions);

        // Taken so that it exists wherever syncs write: it is what tells other instances about each page.
        _ = sharedVersions;
        this.telemetry = telemetry;
        this.tokenCacheProtection = tokenCacheProtection;
        this.leases = leases;
        this.budget = budget;
        this.options = options.Value;
        this.mailboxes = mailboxes;
        this.writer = writer;
        this.time = time;
        this.loggerFactory = loggerFactory;
        this.followers = followers.ToList();
        logger = loggerFactory.CreateLogger<SyncCoordinator>();
        graph = new Lazy<(GraphConnection, SyncEngine)>(CreateGraph, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public long GraphRequests => graph.IsValueCreated ? graph.Value.Connection.Stats.Requests : 0;

    /// <summary>The Graph client every sync of this process shares (created on first use).</summary>
    public GraphConnection Connection => graph.Value.Connection;

    public Task<IReadOnlyList<MailboxRow>> DiscoverAsync(CancellationToken cancellationToken) =>
        graph.Value.Engine.DiscoverMailboxesAsync(cancellationToken);

    /// <summary>
    /// Syncs one mailbox, then runs the <see cref="IAfterMailboxSync"/> steps, all under the mailbox's lock
    /// (see <see cref="RunExclusiveAsync"/>). Once the lock is held the mailbox is looked up again: if it was
    /// deleted (or its user opted out) while this waited, it is skipped (<see cref="MailboxSyncResult.Skipped"/>),
    /// since syncing it would bring back what was just deleted.
    /// </summary>
    public Task<MailboxSyncResult> SyncMailboxAsync(MailboxRow mailbox, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return UnderLockAsync(mailbox.Id, ct => SyncHeldAsync(mailbox, progress, ct), cancellationToken);
    }

    /// <summary>
    /// For the schedule: as <see cref="SyncMailboxAsync"/>, but null at once when the mailbox is busy (a sync,
    /// or a deletion, holds its lock). The next tick comes anyway, and ticks queueing behind a long first
    /// sync would only hold job workers; a change notification, by contrast, waits its turn, since the
    /// running sync may have read past the change already.
    /// </summary>
    public async Task<MailboxSyncResult?> SyncMailboxUnlessBusyAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var gate = Lock(mailbox.Id);
        if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            // Busy elsewhere counts as busy: the instance holding the lease is syncing it now.
            var lease = await leases.TryAcquireAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                return null;
            }

            await using (lease.ConfigureAwait(false))
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
                return await SyncHeldAsync(mailbox, null, linked.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the mailbox's lock, the one its syncs hold: it waits for a running
    /// sync (and the steps after it) to finish, and no sync of the mailbox starts until it is done. Deleting a
    /// mailbox's data runs this way, so a sync in flight cannot write back what was deleted.
    /// </summary>
    public Task RunExclusiveAsync(string mailboxId, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return UnderLockAsync(
            mailboxId,
            async ct =>
            {
                await work(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// The stored mailbox with this id, or null when there is none. A user who deleted their data has none:
    /// the deletion removes the row in the transaction that records the opt-out, and the directory listing
    /// never stores an opted-out user again (MailboxStore.UpsertMailboxAsync), so no second check is needed.
    /// </summary>
    public Task<MailboxRow?> SyncableMailboxAsync(string mailboxId, CancellationToken cancellationToken) =>
        mailboxes.GetMailboxAsync(mailboxId, cancellationToken);

    /// <summary>
    /// Syncs every mailbox to sync (see <see cref="MailboxesToSyncAsync"/>). A mailbox deleted meanwhile is
    /// left out of the summary, so nothing (the start-up sync's job scheduling) takes it for a synced one.
    /// </summary>
    public async Task<SyncRunSummary> SyncAllAsync(IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var before = GraphRequests;
        var mailboxes = await MailboxesToSyncAsync(cancellationToken).ConfigureAwait(false);
        return await SyncEachAsync(mailboxes, progress, stopwatch, before, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For the daily directory job: as <see cref="SyncAllAsync"/>, but leaving out the mailboxes the schedule is
    /// holding back after failures (<see cref="SyncFailurePolicy.MayRunScheduled"/>), so a mailbox failed for good
    /// is not retried once a day behind its own schedule's back. New mailboxes have no failure and are synced.
    /// </summary>
    public async Task<SyncRunSummary> SyncAllDueAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var before = GraphRequests;
        var now = time.GetUtcNow();
        var toSync = await MailboxesToSyncAsync(cancellationToken).ConfigureAwait(false);

        // A freshly listed directory gives rows as Graph has them; how their syncs went is in the stored ones.
        var stored = (await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var due = toSync.Where(m => IsDue(stored.GetValueOrDefault(m.Id) ?? m, now)).ToList();
        return await SyncEachAsync(due, null, stopwatch, before, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the schedule may sync this mailbox now, given how its last syncs failed (if they did).</summary>
    public static bool IsDue(MailboxRow mailbox, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var kind = mailbox.LastFailureKind is { } wire ? SyncFailureKindNames.FromWire(wire) : (SyncFailureKind?)null;
        var next = mailbox.NextAttemptMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return SyncFailurePolicy.MayRunScheduled(kind, next, now);
    }

    private async Task<SyncRunSummary> SyncEachAsync(IReadOnlyList<MailboxRow> mailboxes, IProgress<SyncProgress>? progress, Stopwatch stopwatch, long before, CancellationToken cancellationToken)
    {
        var results = new MailboxSyncResult[mailboxes.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, mailboxes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await SyncMailboxAsync(mailboxes[i], progress, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new SyncRunSummary(results.Where(r => !r.Skipped).ToList(), GraphRequests - before, stopwatch.Elapsed);
    }

    /// <summary>
    /// The mailboxes to sync. The directory is listed on the first run and then once a day, not on every
    /// sync, so that a re-sync of an unchanged mailbox costs only its delta round-trips; deleting the
    /// "directory" sync state (<see cref="DirectoryStateKey"/>) makes the next sync list it again. Users who
    /// deleted their data are not listed (see <see cref="SyncEngine.DiscoverMailboxesAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<MailboxRow>> MailboxesToSyncAsync(CancellationToken cancellationToken)
    {
        var store = mailboxes;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of mailbox {Mailbox} skipped: it was deleted (its user deleted their data) before its turn")]
    private static partial void LogSkipped(ILogger logger, string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} is being synced by another instance; waiting for its lease")]
    private static partial void LogWaitingForLease(ILogger logger, string mailbox);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Step} after the sync of mailbox {Mailbox} failed ({Error}: {Reason})")]
    private static partial void LogFollowerFailed(ILogger logger, string step, string mailbox, string error, string reason);

    private SemaphoreSlim Lock(string mailboxId) => mailboxLocks.GetOrAdd(mailboxId, _ => new SemaphoreSlim(1, 1));

    private async Task<T> UnderLockAsync<T>(string mailboxId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // The process's lock first, so that one process's waiters do not all poll the database.
        var gate = Lock(mailboxId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var lease = await leases.TryAcquireAsync(mailboxId, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                LogWaitingForLease(logger, mailboxId);
                lease = await leases.AcquireAsync(mailboxId, cancellationToken).ConfigureAwait(false);
            }

            await using (lease.ConfigureAwait(false))
            {
                // A lease lost mid-sync (this process stalled past its expiry) stops the work: the instance
                // that took it over finishes from the delta tokens committed so far.
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
                return await work(linked.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The sync and the steps after it, with the mailbox's lock already held.</summary>
    private async Task<MailboxSyncResult> SyncHeldAsync(MailboxRow mailbox, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        if (await SyncableMailboxAsync(mailbox.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            LogSkipped(logger, mailbox.Id);
            return MailboxSyncResult.Skip(mailbox.Id, mailbox.Mail);
        }

        var result = await SyncMeasuredAsync(mailbox, progress, cancellationToken).ConfigureAwait(false);

        // The steps after the sync write rows too (follow-ups, settings, To Do links), so they stay
        // under the lock: a deletion waiting for it must find them finished, not about to start.
        if (result.Succeeded)
        {
            await RunFollowersAsync(mailbox, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The engine's sync of one mailbox, as a span and a duration by outcome, and the delta lag's new start on success.</summary>
    private async Task<MailboxSyncResult> SyncMeasuredAsync(MailboxRow mailbox, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = NetworkSyncTelemetry.ActivitySource.StartActivity("sync mailbox");
        activity?.SetTag(NetworkSyncTelemetry.MailboxIdTag, mailbox.Id);
        var started = time.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await graph.Value.Engine.SyncMailboxAsync(mailbox, progress, cancellationToken).ConfigureAwait(false);
            outcome = result.Succeeded ? "succeeded" : "failed";
            if (result.Succeeded)
            {
                telemetry.RecordSuccessfulDelta(mailbox.Id, time.GetUtcNow());
            }
            else
            {
                activity?.SetStatus(ActivityStatusCode.Error, result.FailureKind?.ToString());
            }

            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            activity?.SetTag(NetworkSyncTelemetry.OutcomeTag, outcome);
            telemetry.RecordSync(mailbox.Id, time.GetElapsedTime(started), outcome);
        }
    }

    private async Task RunFollowersAsync(MailboxRow mailbox, CancellationToken cancellationToken)
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

    private (GraphConnection, SyncEngine) CreateGraph()
    {
        // Delegated sign-in keeps its tokens across restarts only encrypted at rest (Data Protection).
        var tokenCache = options.AuthMode == GraphAuthMode.DeviceCode && tokenCacheProtection.Protector is { } protector && options.TokenCachePath.Length > 0
            ? new ProtectedTokenCache(protector, options.TokenCachePath)
            : null;
        var credential = CredentialFactory.Create(options, time, message => Console.Error.WriteLine(message), tokenCache);
        var connection = GraphConnection.Create(options, credential, time, loggerFactory, telemetry, budget);
        return (connection, new SyncEngine(connection, options, mailboxes, writer, time, loggerFactory));
    }
}
