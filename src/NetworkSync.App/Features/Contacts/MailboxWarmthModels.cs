using System.Collections.Concurrent;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Learning;

namespace NetworkSync.App.Features.Contacts;

/// <summary>
/// Each mailbox's fitted warmth model, kept in memory and refitted when a day has passed (in either
/// direction: the CLI's --as-of moves "now") or the mailbox's history has grown or shrunk by a fifth
/// since (the first sync fills it page by page). Only a mailbox's first fit is waited for; later ones
/// run in the background (one at a time per mailbox) while the previous model keeps scoring, so a
/// refit never holds up a sync's follow-up pass or a read. A fit that fails falls back to the
/// built-in weights and says so: scoring never fails because of the model.
/// </summary>
public sealed class MailboxWarmthModels
{
    private static readonly TimeSpan RefitAfter = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Fitted> models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> refits = new(StringComparer.Ordinal);

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

        return Refit(mailboxId, interactions, asOf, options);
    }

    /// <summary>The background refit under way for a mailbox, if any (tests wait on it).</summary>
    public Task Pending(string mailboxId) => refits.GetValueOrDefault(mailboxId) ?? Task.CompletedTask;

    /// <summary>Fits the mailbox's model again now, whatever is cached (the daily model job).</summary>
    public WarmthModel Refit(string mailboxId, IReadOnlyList<Interaction> interactions, DateTimeOffset asOf, RelationshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var model = Fit(interactions, asOf, options);
        models[mailboxId] = new Fitted(model, interactions.Count, asOf);
        return model;
    }

    /// <summary>Forgets a mailbox's model (its data was deleted).</summary>
    public void Forget(string mailboxId) => models.TryRemove(mailboxId, out _);

    private static WarmthModel Fit(IReadOnlyList<Interaction> interactions, DateTimeOffset asOf, RelationshipOptions options)
    {
        try
        {
            var visible = interactions.Where(i => i.At <= asOf).ToList();
            var identity = IdentityResolver.Resolve(visible, options.KeptApart, options.ConfirmedMerges);
            return WarmthModelTrainer.Fit(visible, asOf, identity);
        }
#pragma warning disable CA1031 // A model that cannot be fitted must never break scoring: the built-in weights stand in.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return WarmthModel.BuiltIn.Because("built-in weights: the fit failed (" + e.GetType().Name + ")");
        }
    }

    private sealed record Fitted(WarmthModel Model, int Interactions, DateTimeOffset AsOf)
    {
        public bool StillFits(int interactions, DateTimeOffset asOf) =>
            (asOf - AsOf).Duration() < RefitAfter && Math.Abs(interactions - Interactions) <= Interactions / 5;
    }
}
