namespace NetworkSync.Learning;

/// <summary>How a mailbox's warmth model is fitted, and how much history it needs first.</summary>
public sealed record WarmthFitOptions
{
    /// <summary>ML.NET's seed: the same data and seed give the same weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Cutoffs 90, 180, ... days back, at most this many (two years by default).</summary>
    public int MaximumCutoffs { get; init; } = 8;

    /// <summary>Fewer contacted-afterwards examples than this and the built-in weights are used.</summary>
    public int MinimumPositives { get; init; } = 30;

    /// <summary>... and the same with fewer cutoffs that have any.</summary>
    public int MinimumCutoffs { get; init; } = 2;

    /// <summary>L2 penalty on the (scaled) weights: keeps a small mailbox's fit from chasing noise.</summary>
    public float L2Regularization { get; init; } = 1f;
}
