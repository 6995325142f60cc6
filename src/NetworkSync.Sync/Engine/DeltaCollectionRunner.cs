using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Http;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// Drives one collection through Graph's delta protocol: an initial enumeration (or the stored
/// deltaLink), nextLinks until a deltaLink, each page committed before the next is applied, and
/// the deltaLink stored last. A 410 restarts the collection as a full enumeration whose sweep
/// removes what vanished meanwhile, so nothing is counted twice or left behind.
/// </summary>
internal sealed partial class DeltaCollectionRunner(
    IRequestAdapter adapter,
    Uri graphBaseUrl,
    MailboxStore store,
    TimeProvider time,
    ILogger logger)
{
    // A skip token can expire during the resync's own paging too; give up only if that keeps happening.
    private const int MaxResyncs = 3;

    public async Task<CollectionSyncResult> RunAsync(
        string mailboxId,
        IDeltaCollection collection,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        var state = await store.GetSyncStateAsync(mailboxId, collection.Name, cancellationToken).ConfigureAwait(false);
        var full = state?.DeltaLink is null || collection.NeedsFullSync(state);
        var resyncs = 0;
        var totals = new Totals();
        try
        {
            while (true)
            {
                try
                {
                    await RunOnceAsync(mailboxId, collection, state, full, totals, progress, cancellationToken).ConfigureAwait(false);
                    return new CollectionSyncResult(collection.Name, totals.Pages, totals.Upserted, totals.Removed, totals.Skipped, full, resyncs > 0, null);
                }
                catch (SyncStateExpiredException) when (resyncs < MaxResyncs)
                {
                    // The token expired (410, or a 40X with syncStateNotFound / resyncRequired): enumerate again;
                    // the sweep takes care of deletions we missed.
                    LogResync(logger, mailboxId, collection.Name);
                    resyncs++;
                    full = true;
                    state = await store.GetSyncStateAsync(mailboxId, collection.Name, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = DescribeFailure(ex);
            var kind = GraphErrorClassifier.Classify(ex);
            LogFailed(logger, mailboxId, collection.Name, kind.ToWire(), reason);
            return new CollectionSyncResult(collection.Name, totals.Pages, totals.Upserted, totals.Removed, totals.Skipped, full, resyncs > 0, reason) { FailureKind = kind };
        }
    }

    private async Task RunOnceAsync(
        string mailboxId,
        IDeltaCollection collection,
        SyncStateRow? state,
        bool full,
        Totals totals,
        IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        var generation = full ? (state?.Generation ?? 0) + 1 : state!.Generation;
        Func<RequestInformation> request = full ? collection.InitialRequest : LinkRequest(collection, Resolve(state!.DeltaLink!));
        Task<DeltaPage>? pending = FetchAsync(request, cancellationToken);
        try
        {
            while (true)
            {
                var current = pending ?? throw new InvalidOperationException("No page is being fetched.");
                pending = null;
                using var page = await current.ConfigureAwait(false);

                // Fetch the next page while this one is written: the network and SQLite overlap.
                if (page.NextLink is { } next)
                {
                    pending = FetchAsync(LinkRequest(collection, next), cancellationToken);
                }

                totals.Pages++;
                var (upserted, removed, skipped) = await collection.ApplyAsync(page, generation, totals.Pages, cancellationToken).ConfigureAwait(false);
                totals.Upserted += upserted;
                totals.Removed += removed;
                totals.Skipped += skipped;

                if (page.NextLink is not null)
                {
                    progress?.Report(new SyncProgress(mailboxId, collection.Name, totals.Pages, totals.Upserted + totals.Removed, false));
                    continue;
                }

                var deltaLink = page.DeltaLink ?? throw new InvalidDataException("Graph ended a delta round with neither a nextLink nor a deltaLink.");
                EnsureGraphHost(deltaLink);
                if (full)
                {
                    await collection.SweepAsync(generation, cancellationToken).ConfigureAwait(false);
                }

                var saved = new SyncStateRow
                {
                    MailboxId = mailboxId,
                    Collection = collection.Name,
                    DeltaLink = Relative(deltaLink),
                    Generation = generation,
                    WindowStartMs = state?.WindowStartMs,
                    WindowEndMs = state?.WindowEndMs,
                    UpdatedMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
                };
                if (full)
                {
                    collection.Stamp(saved);
                }

                await store.SaveSyncStateAsync(saved, cancellationToken).ConfigureAwait(false);
                progress?.Report(new SyncProgress(mailboxId, collection.Name, totals.Pages, totals.Upserted + totals.Removed, true));
                return;
            }
        }
        finally
        {
            if (pending is not null)
            {
                // A page fetched ahead but never used (we failed or were cancelled): observe and release it.
                try
                {
                    (await pending.ConfigureAwait(false)).Dispose();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogDiscarded(logger, collection.Name, ex);
                }
            }
        }
    }

    /// <summary>
    /// Delta links are stored relative to the Graph root (after the host check), so a database outlives
    /// the address it was synced from: the emulator gets a new port on every start.
    /// </summary>
    private static string Relative(string checkedLink) => new Uri(checkedLink).PathAndQuery;

    private string Resolve(string storedLink) =>
        Uri.TryCreate(storedLink, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? storedLink
            : new Uri(graphBaseUrl, storedLink).ToString();

    private Func<RequestInformation> LinkRequest(IDeltaCollection collection, string link)
    {
        EnsureGraphHost(link);
        return () => collection.LinkRequest(link);
    }

    private void EnsureGraphHost(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !GraphHostGuardHandler.IsSameAuthority(uri, graphBaseUrl))
        {
            throw new ForeignHostException($"Graph returned a paging link to {(uri is null ? "an unreadable address" : uri.GetLeftPart(UriPartial.Authority))}, not to {graphBaseUrl.GetLeftPart(UriPartial.Authority)}; refusing to send the token there.");
        }
    }

    private async Task<DeltaPage> FetchAsync(Func<RequestInformation> request, CancellationToken cancellationToken)
    {
        try
        {
            return await DeltaPageFetcher.FetchAsync(adapter, request, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Kiota.Abstractions.ApiException ex) when (DeltaStateErrors.MeansResync(ex))
        {
            throw new SyncStateExpiredException(ex);
        }
    }

    private static string DescribeFailure(Exception ex) => ex switch
    {
        Microsoft.Graph.Models.ODataErrors.ODataError odata => $"Graph error {odata.ResponseStatusCode} {odata.Error?.Code}: {odata.Error?.Message}",
        Microsoft.Kiota.Abstractions.ApiException api => $"Graph answered {api.ResponseStatusCode}",
        ForeignHostException foreign => foreign.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delta token for mailbox {Mailbox} {Collection} expired (Graph asked for a resync); resyncing the collection")]
    private static partial void LogResync(ILogger logger, string mailbox, string collection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of mailbox {Mailbox} {Collection} failed ({FailureKind}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string mailbox, string collection, string failureKind, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discarded a prefetched page of {Collection}")]
    private static partial void LogDiscarded(ILogger logger, string collection, Exception error);

    private sealed class Totals
    {
        public int Pages { get; set; }

        public int Upserted { get; set; }

        public int Removed { get; set; }

        public int Skipped { get; set; }
    }
}
