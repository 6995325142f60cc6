namespace NetworkSync.Application.Evaluation;

/// <summary>The relationship model's figures on one generated mailbox (docs/relationship-model.md).</summary>
public sealed record EvaluationReport(
    int PlantedPeople,
    double Spearman,
    int AutomatedInTop50,
    int DormantPlanted,
    int DormantFlagged,
    double DormantPrecision,
    double DormantRecall,
    int CoolingPlanted,
    int CoolingFlagged,
    double CoolingPrecision,
    double CoolingRecall,
    DateTimeOffset Cutoff,
    int Candidates,
    int WrittenToAfterCutoff,
    double AucWarmth,
    double AucRecency,
    double AucMessageCount365,
    double AucExponentialDecay)
{
    public const double MinimumSpearman = 0.9;
    public const double MinimumDormantPrecision = 0.95;
    public const double MinimumDormantRecall = 0.95;

    /// <summary>Which targets are missed; empty when the model meets them all.</summary>
    public IReadOnlyList<string> Shortfalls()
    {
        var misses = new List<string>();
        if (Spearman < MinimumSpearman)
        {
            misses.Add(FormattableString.Invariant($"Spearman {Spearman:0.000} < {MinimumSpearman}"));
        }

        if (AutomatedInTop50 > 0)
        {
            misses.Add($"{AutomatedInTop50} automated senders in the top 50");
        }

        if (DormantPrecision < MinimumDormantPrecision)
        {
            misses.Add(FormattableString.Invariant($"dormant precision {DormantPrecision:0.000} < {MinimumDormantPrecision}"));
        }

        if (DormantRecall < MinimumDormantRecall)
        {
            misses.Add(FormattableString.Invariant($"dormant recall {DormantRecall:0.000} < {MinimumDormantRecall}"));
        }

        var bestBaseline = Math.Max(AucRecency, Math.Max(AucMessageCount365, AucExponentialDecay));
        if (AucWarmth <= bestBaseline)
        {
            misses.Add(FormattableString.Invariant($"warmth AUC {AucWarmth:0.000} does not beat the best baseline {bestBaseline:0.000}"));
        }

        return misses;
    }
}
