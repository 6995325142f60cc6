namespace NetworkSync.Domain.Relationships.Model;

/// <summary>
/// The features the warmth model weighs (docs/relationship-model.md). Each grows with contact and
/// shrinks with silence, so with non-negative weights more contact never lowers warmth and time never
/// raises it. Counts enter as log(1 + decayed count): a hundred messages is not a hundred times one.
/// </summary>
public enum WarmthFeature
{
    /// <summary>Mail the owner sent them, decayed with a half-life of 7 days.</summary>
    Sent7 = 0,
    Sent30,
    Sent90,
    Sent365,

    /// <summary>Mail they sent the owner directly (To or Cc), half-life 7 days.</summary>
    Received7,
    Received30,
    Received90,
    Received365,

    /// <summary>Meetings together (at most 20 people), half-life 30 days.</summary>
    Met30,
    Met90,
    Met365,

    /// <summary>Copied together (both on someone else's mail), list mail and crowd meetings: weak ties, half-life 30 days.</summary>
    Copied30,
    Copied365,

    /// <summary>Direct contact weighed by 1 / audience: a 1:1 says more than a broadcast. Half-life 30 days.</summary>
    Focused30,
    Focused365,

    /// <summary>Days since the owner last wrote to them, as 0.5^(days / 30): 1 today, 0 never.</summary>
    RecentSent,

    /// <summary>Days since they last wrote directly, as 0.5^(days / 30).</summary>
    RecentReceived,

    /// <summary>Days since the last meeting together, as 0.5^(days / 30).</summary>
    RecentMet,

    /// <summary>Days since any contact, copies included, as 0.5^(days / 14).</summary>
    RecentAny,

    /// <summary>Days since any direct contact, as 0.5^(days / 180): the long memory.</summary>
    RecentDirectLong,

    /// <summary>Share of the last 13 weeks with direct contact.</summary>
    ActiveWeeks,

    /// <summary>Share of the last 12 months with direct contact: rhythm.</summary>
    ActiveMonths,

    /// <summary>Two-way contact: log(1 + min(sent, received or met)), half-life 90 days.</summary>
    Reciprocity90,

    /// <summary>The same with a half-life of 365 days.</summary>
    Reciprocity365,

    /// <summary>Threads in which both wrote, each decayed from its last message, half-life 90 days (needs conversation ids).</summary>
    TwoWayThreads,
}
