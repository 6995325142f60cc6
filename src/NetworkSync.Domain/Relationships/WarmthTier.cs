namespace NetworkSync.Domain.Relationships;

/// <summary>Warmth in words, coldest first (thresholds in <see cref="WarmthTiers"/>).</summary>
public enum WarmthTier
{
    Cold,
    Cool,
    Warm,
    Hot,
}
