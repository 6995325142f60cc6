using System.Collections.Concurrent;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Learning;
using NetworkSync.Storage;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// Each mailbox's fitted warmth model, kept in memory and stored in the database
/// (<see cref="WarmthModelStore"/>), and refitted when a day has passed (in either direction: the
/// CLI's --as-of moves "now") or the mailbox's history has grown or shrunk by a fifth since (the first
/// sync fills it page by page). A process that starts (or a mailbox first read) scores with the stored
/// model when it still fits, so a restart does not refit; a stored model that no longer fits, or that
/// cannot be read (malformed, another format version or feature set), is logged and refitted at once,
/// as a first fit is. Only a mailbox's first fit is waited for; later ones run in the background (one
/// at a time per mailbox) while the previous model keeps scoring, so a refit never holds up a sync's
/// follow-up pass or a read. A fit that fails, or a store that cannot be read or written, falls back
/// (built-in weights, or the model in memory) and is logged: scoring never fails because of the model.
/// </summary>
public sealed partial class MailboxWarmthModels(WarmthModelStore store, ILogger<MailboxWarmthModels> logger, TimeProvider time)
{
    private static readonly TimeSpan RefitAfter = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Fitted> models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> refits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> forgotten = new(StringComparer.Ordinal);
    private readonly ILogger logger = logger;

    /// <param name="interactions">Not changed afterwards: a background refit reads it.</param>
    public WarmthModel For(string mailboxId, IReadOnlyList<Interaction> interactions, DateTimeOffset asOf, RelationshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (models.TryGetValue(mailboxId, out var fitted))
        {
            if (!fitted.StillFits(interactions.Count, asOf) && !refits.ContainsKey(mailboxId))
            {
                var refit = new Task(() => Refit(mailboxId, interactions, asOf, options));
                if (refits.TryAdd(mailboxId, refit))
                {
                    refit.ContinueWith(_ => refits.TryRemove(mailboxId, out Task? _), TaskScheduler.Default);
                    refit.Start(TaskScheduler.Default);
                }
            }

            return fitted.Model;
        }

        if (Load(mailboxId) is { } stored && stored.StillFits(interactions.Count, asOf))
        {
            return models.GetOrAdd(mailboxId, stored).Model;
        }

        return Refit(mailboxId, interactions, asOf, options);
    }

    /// <summary>
    /// The model <see cref="For"/> would answer with right now, if it would answer without fitting
    /// anything (in memory, and still fitting <paramref name="interactions"/> at <paramref name="asOf"/>);
    /// otherwise null. Starts nothing: an incremental rescore asks it, and recomputes in full when the
    /// answer is not the model it scored with.
    /// </summary>
    public WarmthModel? Current(string mailboxId, int interactions, DateTimeOffset asOf) =>
        models.TryGetValue(mailboxId, out var fitted) && fitted.StillFits(interactions, asOf) ? fitted.Model : null;

    /// <summary>The background refit under way for a mailbox, if any (tests wait on it).</summary>
    public Task Pending(string mailboxId) => refits.GetValueOrDefault(mailboxId) ?? Task.CompletedTask;

    /// <summary>Fits the mailbox's model again now, whatever is cached or stored (the daily model job), and stores it.</summary>
    public WarmthModel Refit(string mailboxId, IReadOnlyList<Interaction> interactions, DateTimeOffset asOf, RelationshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var epoch = forgotten.GetValueOrDefault(mailboxId);
        var model = Fit(interactions, asOf, options);
        var fitted = new Fitted(model, interactions.Count, asOf);

        // A fit that began before the mailbox's data was deleted learnt from the deleted data: dropped.
        if (forgotten.GetValueOrDefault(mailboxId) != epoch)
        {
            return model;
        }

        models[mailboxId] = fitted;
        Store(mailboxId, fitted);
        return model;
    }

    /// <summary>Forgets a mailbox's model in memory (its data was deleted or retention removed some; the stored row goes with the data).</summary>
    public void Forget(string mailboxId)
    {
        forgotten.AddOrUpdate(mailboxId, 1, static (_, n) => n + 1);
        models.TryRemove(mailboxId, out _);
    }

    private static WarmthModel Fit(IReadOnlyList<Interaction> interactions, DateTimeOffset asOf, RelationshipOptions options)
    {
        try
        {
            var visible = interactions.Where(i => i.At <= asOf).ToList();
            var identity = IdentityResolver.Resolve(visible, options.KeptApart, options.ConfirmedMerges, options.Directory);
            return WarmthModelTrainer.Fit(visible, asOf, identity);
        }
#pragma warning disable CA1031 // A model that cannot be fitted must never break scoring: the built-in weights stand in.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return WarmthModel.BuiltIn.Because("built-in weights: the fit failed (" + e.GetType().Name + ")");
        }
    }

    private Fitted? Load(string mailboxId)
    {
        try
        {
            if (store.Find(mailboxId) is not { } row)
            {
                return null;
            }

            var (model, problem) = WarmthModelCodec.Decode(row);
            if (model is null)
            {
                LogUnreadable(mailboxId, problem ?? "unknown");
                return null;
            }

            return new Fitted(model, row.Interactions, DateTimeOffset.FromUnixTimeMilliseconds(row.FittedAtMs));
        }
#pragma warning disable CA1031 // A stored model that cannot be read is refitted: the sync and the read go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogStoreFailed(e, mailboxId, "read");
            return null;
        }
    }

    private void Store(string mailboxId, Fitted fitted)
    {
        try
        {
            store.Save(WarmthModelCodec.Encode(mailboxId, fitted.Model, fitted.Interactions, fitted.AsOf, time.GetUtcNow()));
        }
#pragma warning disable CA1031 // Not storing the model only costs a refit after a restart.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogStoreFailed(e, mailboxId, "write");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored warmth model of mailbox {MailboxId} cannot be read ({Problem}); refitting")]
    private partial void LogUnreadable(string mailboxId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Operation} the stored warmth model of mailbox {MailboxId}; scoring goes on")]
    private partial void LogStoreFailed(Exception exception, string mailboxId, string operation);

    private sealed record Fitted(WarmthModel Model, int Interactions, DateTimeOffset AsOf)
    {
        public bool StillFits(int interactions, DateTimeOffset asOf) =>
            (asOf - AsOf).Duration() < RefitAfter && Math.Abs(interactions - Interactions) <= Interactions / 5;
    }
}
