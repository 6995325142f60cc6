using System.Globalization;
using NetworkSync.Domain.Evaluation;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Learning;

/// <summary>
/// Backtests the warmth model on a mailbox's own history, as the user's mailbox would have seen it:
/// at cutoffs 90, 180, ... days before "now", a model is fitted on what came before the cutoff only
/// (its own training cutoffs lie further back, so no label it learns from reaches past the cutoff),
/// every person seen by then is scored, and the scores are measured against whom the owner wrote to
/// in the 90 days after it. The three baselines score the same candidates: recency, the 365-day
/// message count, and a decayed count (half-life 30 days, outgoing counted twice, everyone on a
/// message counted).
/// </summary>
public static class MailboxBacktest
{
    public static BacktestResult Run(
        IReadOnlyList<Interaction> interactions,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset now,
        RelationshipOptions options,
        WarmthFitOptions? fit = null,
        int maximumCutoffs = 4)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        fit ??= new WarmthFitOptions();
        var cutoffs = WarmthTrainingSetBuilder.CutoffsFor(interactions, now, maximumCutoffs);
        var scores = new List<double>();
        var labels = new List<bool>();
        var recency = new List<double>();
        var frequency = new List<double>();
        var decayed = new List<double>();
        var models = new List<string>();
        foreach (var cutoff in cutoffs)
        {
            var before = interactions.Where(i => i.At <= cutoff).ToList();
            var identity = IdentityResolver.Resolve(before, options.KeptApart, options.ConfirmedMerges, options.Directory);
            var model = WarmthModelTrainer.Fit(before, cutoff, identity, fit);
            models.Add(string.Create(CultureInfo.InvariantCulture, $"{cutoff:yyyy-MM-dd}: {model.Reason} ({model.Describe()})"));
            var writtenTo = interactions
                .Where(i => i.Direction == InteractionDirection.Outbound && i.At > cutoff && i.At <= cutoff + WarmthTrainingSetBuilder.Horizon)
                .Select(i => i.ContactAddress)
                .ToHashSet(StringComparer.Ordinal);
            var baselineInput = before.Select(i => i with { ContactAddress = identity.MergedInto.GetValueOrDefault(i.ContactAddress, i.ContactAddress) }).ToList();
            var byRecency = FutureContactBaselines.Recency(baselineInput, cutoff);
            var byFrequency = FutureContactBaselines.MessageCount365(baselineInput, cutoff);
            var byDecay = FutureContactBaselines.ExponentialDecay(baselineInput, cutoff);
            foreach (var person in ContactAggregator.Summarize(before, bulkSenders, cutoff, options, model))
            {
                if (AutomatedSenderClassifier.LooksAutomated(person.Address))
                {
                    continue;
                }

                scores.Add(person.Probability);
                labels.Add(person.OtherAddresses.Append(person.Address).Any(writtenTo.Contains));
                recency.Add(byRecency.GetValueOrDefault(person.Address, double.MinValue / 2));
                frequency.Add(byFrequency.GetValueOrDefault(person.Address));
                decayed.Add(byDecay.GetValueOrDefault(person.Address));
            }
        }

        var positives = labels.Count(l => l);
        var reason = cutoffs.Count == 0 ? "too little history: no cutoff 90 days back with 30 days of mail before it"
            : positives == 0 ? "too little history: nobody was written to after any cutoff"
            : positives == labels.Count ? "too little history: everyone seen was written to after the cutoffs"
            : null;
        if (reason is not null)
        {
            return new BacktestResult(cutoffs, labels.Count, positives, null, null, null, null, null, reason, models);
        }

        return new BacktestResult(
            cutoffs,
            labels.Count,
            positives,
            RankMetrics.RocAuc(scores, labels),
            RankMetrics.AveragePrecision(scores, labels),
            RankMetrics.RocAuc(recency, labels),
            RankMetrics.RocAuc(frequency, labels),
            RankMetrics.RocAuc(decayed, labels),
            null,
            models);
    }
}
