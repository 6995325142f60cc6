namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>How warm paths are found and ranked (docs/relationship-model.md, "Warm paths").</summary>
public sealed record IntroductionOptions
{
    /// <summary>A tie fades with this half-life: an old shared thread still counts, less than last month's.</summary>
    public TimeSpan TieHalfLife { get; init; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Messages or meetings naming more people than this say nothing about who knows whom (an all-hands, a
    /// newsletter to a list) and are not evidence.
    /// </summary>
    public int MaxAudience { get; init; } = 20;

    /// <summary>At most this many introducers are returned.</summary>
    public int MaxResults { get; init; } = 5;

    /// <summary>Addresses the user muted: never suggested as introducers.</summary>
    public IReadOnlySet<string>? Muted { get; init; }

    /// <summary>Addresses never to suggest for another reason (a colleague who opted out, a forgotten person).</summary>
    public IReadOnlySet<string>? Excluded { get; init; }
}
