namespace NetworkSync.Domain.Relationships;

/// <summary>
/// The fixed windows and thresholds the relationship signals are counted with, in one place so the code
/// and docs/relationship-model.md ("real" relationships, the 90-day signals, answered mail without
/// threads) say the same. The learnt weights live in <see cref="Model.WarmthModel"/>; the tiers in
/// <see cref="WarmthTier"/>; what users may change in <see cref="RelationshipOptions"/>.
/// </summary>
public static class ScoringRules
{
    /// <summary>The "recent" window of the meetings and two-way threads counted as current activity.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(90);

    /// <summary>Mail without a conversation id counts as answered when the other side wrote within this long.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(14);

    /// <summary>Two-way conversations (or answered weeks of unthreaded mail) that make a relationship real.</summary>
    public const int RealAfterTwoWayConversations = 2;
}
