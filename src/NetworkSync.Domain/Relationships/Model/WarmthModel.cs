namespace NetworkSync.Domain.Relationships.Model;

/// <summary>
/// A logistic model of "the owner writes to (or meets) this person within 90 days": probability =
/// 1 / (1 + e^−(bias + Σ weight × feature)). Weights are never negative and every feature only grows
/// with contact and only shrinks with silence, so more contact never lowers the probability and time
/// never raises it. Warmth is 100 × the probability. Scoring one person costs a dot product.
/// </summary>
public sealed record WarmthModel
{
    public WarmthModel(IReadOnlyList<double> weights, double bias, WarmthModelSource source, string reason)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != WarmthFeatures.Count)
        {
            throw new ArgumentException($"A warmth model needs {WarmthFeatures.Count} weights, not {weights.Count}.", nameof(weights));
        }

        if (weights.Any(w => !double.IsFinite(w) || w < 0) || !double.IsFinite(bias))
        {
            throw new ArgumentException("Warmth weights must be finite and non-negative, the bias finite.", nameof(weights));
        }

        values = weights.ToArray();
        Bias = bias;
        Source = source;
        Reason = reason;
    }

    private static readonly int SignalCount = Enum.GetValues<WarmthSignal>().Length;
    private static readonly int[] SignalOfFeature = Enum.GetValues<WarmthFeature>().Select(f => (int)WarmthFeatures.SignalOf(f)).ToArray();

    // The weights as an array: scoring reads them once per feature per person.
    private readonly double[] values;

    public IReadOnlyList<double> Weights => values;

    public double Bias { get; }

    public WarmthModelSource Source { get; }

    /// <summary>How many self-labelled examples the fit saw (0 when none was tried).</summary>
    public int Examples { get; init; }

    /// <summary>Why these weights: "fitted on 6 cutoffs, 412 examples, 97 positives" or why the built-in ones are used.</summary>
    public string Reason { get; }

    /// <summary>Used when a mailbox has too little history to learn from (see <see cref="BuiltInWeights"/>).</summary>
    public static WarmthModel BuiltIn { get; } = new(BuiltInWeights.Values, BuiltInWeights.Bias, WarmthModelSource.BuiltIn, "built-in weights");

    /// <summary>The same weights with another reason (for example why the mailbox could not be fitted).</summary>
    public WarmthModel Because(string reason) => new(Weights, Bias, Source, reason) { Examples = Examples };

    /// <summary>The bias and the non-zero weights, largest first: "bias -3.10; RecentSent 2.40, ActiveWeeks 1.20".</summary>
    public string Describe() => FormattableString.Invariant($"bias {Bias:0.00}; ") + string.Join(", ", Weights
        .Select((w, i) => (Name: WarmthFeatures.Names[i], Weight: w))
        .Where(w => w.Weight > 0.005)
        .OrderByDescending(w => w.Weight)
        .Select(w => FormattableString.Invariant($"{w.Name} {w.Weight:0.00}")));

    public double Logit(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < features.Length; i++)
        {
            z += values[i] * features[i];
        }

        return z;
    }

    public double Probability(ReadOnlySpan<double> features) => 1 / (1 + Math.Exp(-Logit(features)));

    /// <summary>0..100, one decimal: 100 × the probability of contact within 90 days.</summary>
    public double Warmth(ReadOnlySpan<double> features) => Math.Round(100 * Probability(features), 1);

    /// <summary>Each signal's share of the logit (weight × feature, summed over its features), largest first.</summary>
    public IReadOnlyList<(WarmthSignal Signal, double Contribution)> Contributions(ReadOnlySpan<double> features)
    {
        var bySignal = new double[SignalCount];
        for (var i = 0; i < features.Length; i++)
        {
            bySignal[SignalOfFeature[i]] += values[i] * features[i];
        }

        return bySignal.Select((c, i) => ((WarmthSignal)i, c)).Where(s => s.c > 0).OrderByDescending(s => s.c).ThenBy(s => s.Item1).ToList();
    }
}
