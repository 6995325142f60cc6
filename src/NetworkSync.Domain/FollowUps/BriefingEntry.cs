using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.FollowUps;

/// <summary>What a before-meeting briefing tells about one person; metadata only (a subject line at most).</summary>
public sealed record BriefingEntry
{
    public required string Address { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Null when the user has never been in touch with this person.</summary>
    public DateTimeOffset? LastContact { get; init; }

    public double Warmth { get; init; }

    public string Tier { get; init; } = WarmthTier.Cold.ToWire();

    /// <summary>The subject of the latest message the user and this person were both on.</summary>
    public string? LastSubject { get; init; }

    /// <summary>Who first put this person in a thread with the user, when someone else did.</summary>
    public string? IntroducedBy { get; init; }
}
