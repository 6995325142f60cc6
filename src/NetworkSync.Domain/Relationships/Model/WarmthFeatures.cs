namespace NetworkSync.Domain.Relationships.Model;

/// <summary>How many features there are, their names (stored with fitted weights) and the words reasons use for them.</summary>
public static class WarmthFeatures
{
    public static readonly int Count = Enum.GetValues<WarmthFeature>().Length;

    public static readonly IReadOnlyList<string> Names = Enum.GetValues<WarmthFeature>().Select(f => f.ToString()).ToArray();

    /// <summary>The family a feature belongs to: reasons speak of families, not of half-lives.</summary>
    public static WarmthSignal SignalOf(WarmthFeature feature) => feature switch
    {
        WarmthFeature.Sent7 or WarmthFeature.Sent30 or WarmthFeature.Sent90 or WarmthFeature.Sent365 or WarmthFeature.RecentSent => WarmthSignal.YouWrite,
        WarmthFeature.Received7 or WarmthFeature.Received30 or WarmthFeature.Received90 or WarmthFeature.Received365 or WarmthFeature.RecentReceived => WarmthSignal.TheyWrite,
        WarmthFeature.Met30 or WarmthFeature.Met90 or WarmthFeature.Met365 or WarmthFeature.RecentMet => WarmthSignal.Meetings,
        WarmthFeature.Copied30 or WarmthFeature.Copied365 => WarmthSignal.CopiedTogether,
        WarmthFeature.Focused30 or WarmthFeature.Focused365 => WarmthSignal.OneToOne,
        WarmthFeature.RecentAny or WarmthFeature.RecentDirectLong => WarmthSignal.Recency,
        WarmthFeature.ActiveWeeks or WarmthFeature.ActiveMonths => WarmthSignal.Rhythm,
        WarmthFeature.Reciprocity90 or WarmthFeature.Reciprocity365 or WarmthFeature.TwoWayThreads => WarmthSignal.TwoWay,
        _ => throw new ArgumentOutOfRangeException(nameof(feature)),
    };
}
