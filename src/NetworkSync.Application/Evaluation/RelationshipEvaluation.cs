using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Evaluation;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Evaluation;

/// <summary>
/// Scores a synced mailbox against its planted truth: rank correlation with planted tie strength,
/// noise in the top 50, the dormant flag's precision and recall, and future-contact prediction
/// (score at a cutoff T with only what came before, then: whom does the user write to in the 90 days
/// after T?) next to the literature's three baselines.
/// </summary>
public static class RelationshipEvaluation
{
    public static readonly TimeSpan PredictionHorizon = TimeSpan.FromDays(90);

    public static EvaluationReport Evaluate(MailboxActivity activity, PlantedTruth truth, ContactListingService scorer)
    {
        var asOf = truth.AsOf;
        // Contacts are people: a merged contact answers for each of its addresses.
        var listed = scorer.Score(activity, asOf, includeAutomated: true);
        var everyone = new Dictionary<string, ContactSummary>(StringComparer.Ordinal);
        foreach (var contact in listed)
        {
            foreach (var address in contact.OtherAddresses.Append(contact.Address))
            {
                everyone[address] = contact;
            }
        }

        var people = truth.Contacts.Where(c => !c.Automated).ToList();
        var spearman = RankMetrics.Spearman(
            people.Select(p => p.Strength).ToList(),
            people.Select(p => everyone.TryGetValue(p.Address, out var c) ? c.Warmth : 0).ToList());

        var automatedTruth = truth.Contacts.Where(c => c.Automated).Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
        var top50 = listed.Where(c => !c.Automated).OrderByDescending(c => c.Warmth).Take(50);
        var automatedInTop50 = top50.Count(c => automatedTruth.Contains(c.Address));

        var plantedDormant = truth.Contacts.Where(c => c.Dormant).Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
        var flaggedDormant = listed.Where(c => c.Dormant).ToList();
        var hits = flaggedDormant.Count(c => c.OtherAddresses.Append(c.Address).Any(plantedDormant.Contains));

        var plantedCooling = truth.Contacts.Where(c => c.Cooling).Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
        var flaggedCooling = listed.Where(c => c.Cooling).ToList();
        var coolingHits = flaggedCooling.Count(c => c.OtherAddresses.Append(c.Address).Any(plantedCooling.Contains));

        var cutoff = asOf - PredictionHorizon;
        var all = ContactListingService.InteractionsAt(activity, asOf);
        var candidates = all.Where(i => i.At <= cutoff).Select(i => i.ContactAddress).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var writtenTo = all
            .Where(i => i.Direction == InteractionDirection.Outbound && i.At > cutoff && i.At <= cutoff + PredictionHorizon)
            .Select(i => i.ContactAddress)
            .ToHashSet(StringComparer.Ordinal);
        var labels = candidates.Select(writtenTo.Contains).ToList();
        // A person merged from several addresses scores the same whichever of them is written to.
        var warmthAtCutoff = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var contact in scorer.Score(activity, cutoff, includeAutomated: true))
        {
            foreach (var address in contact.OtherAddresses.Append(contact.Address))
            {
                warmthAtCutoff[address] = contact.Warmth;
            }
        }

        var before = ContactListingService.InteractionsAt(activity, cutoff);

        return new EvaluationReport(
            people.Count,
            spearman,
            automatedInTop50,
            plantedDormant.Count,
            flaggedDormant.Count,
            flaggedDormant.Count == 0 ? 0 : hits / (double)flaggedDormant.Count,
            plantedDormant.Count == 0 ? 1 : plantedDormant.Count(a => everyone.TryGetValue(a, out var c) && c.Dormant) / (double)plantedDormant.Count,
            plantedCooling.Count,
            flaggedCooling.Count,
            flaggedCooling.Count == 0 ? 0 : coolingHits / (double)flaggedCooling.Count,
            plantedCooling.Count == 0 ? 1 : plantedCooling.Count(a => everyone.TryGetValue(a, out var c) && c.Cooling) / (double)plantedCooling.Count,
            cutoff,
            candidates.Count,
            labels.Count(l => l),
            Auc(candidates, labels, warmthAtCutoff),
            Auc(candidates, labels, FutureContactBaselines.Recency(before, cutoff)),
            Auc(candidates, labels, FutureContactBaselines.MessageCount365(before, cutoff)),
            Auc(candidates, labels, FutureContactBaselines.ExponentialDecay(before, cutoff)));
    }

    private static double Auc(List<string> candidates, List<bool> labels, Dictionary<string, double> scores) =>
        RankMetrics.RocAuc(candidates.Select(c => scores.GetValueOrDefault(c, double.MinValue / 2)).ToList(), labels);
}
