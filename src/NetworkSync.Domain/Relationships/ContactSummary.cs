namespace NetworkSync.Domain.Relationships;

/// <summary>What NetworkSync knows about one relationship at a point in time.</summary>
public sealed record ContactSummary
{
    public required string Address { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>0..100: 100 × the warmth model's probability that the owner writes to or meets them within 90 days.</summary>
    public double Warmth { get; init; }

    /// <summary>The same probability unrounded (0..1): what rankings and backtests compare.</summary>
    public double Probability { get; init; }

    /// <summary>0..100: for a dormant relationship, its warmth at the last contact (before the silence); otherwise <see cref="Warmth"/>.</summary>
    public double WarmthAtLastContact { get; init; }

    public DateTimeOffset? LastContact { get; init; }

    public DateTimeOffset? LastInbound { get; init; }

    public DateTimeOffset? LastOutbound { get; init; }

    public DateTimeOffset? LastMeeting { get; init; }

    /// <summary>hot, warm, cool or cold (see <see cref="WarmthTiers"/>).</summary>
    public string Tier { get; init; } = WarmthTier.Cold.ToWire();

    /// <summary>Up to three plain-words reasons for the score, most telling first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The early signal: silence well past this relationship's usual gap, not yet dormant.</summary>
    public bool Cooling { get; init; }

    /// <summary>The median gap between days in direct contact; null with fewer than three such days.</summary>
    public TimeSpan? UsualGap { get; init; }

    /// <summary>The "haven't spoken in 6 months" flag.</summary>
    public bool Dormant { get; init; }

    public bool Automated { get; init; }

    /// <summary>Only ever copied alongside the owner on someone else's mail: scored, but left out of the default listing.</summary>
    public bool CopiedOnly { get; init; }

    /// <summary>Whether the default listing shows this person: neither automated nor only ever copied.</summary>
    public bool InDefaultListing => !Automated && !CopiedOnly;

    public int Sent { get; init; }

    public int Received { get; init; }

    public int Meetings { get; init; }

    /// <summary>The person's other addresses, merged into this one (see IdentityResolver).</summary>
    public IReadOnlyList<string> OtherAddresses { get; init; } = [];

    /// <summary>Why each other address is this person, in <see cref="OtherAddresses"/> order ("ana@new.example: replied from ...").</summary>
    public IReadOnlyList<string> MergeReasons { get; init; } = [];
}
