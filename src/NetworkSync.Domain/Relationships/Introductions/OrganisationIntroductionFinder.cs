namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// "Someone in your organisation knows them" (docs/relationship-model.md, "Warm paths"): of the colleagues who
/// agreed to be suggested, those whose own mailbox has a real relationship with the target, warmest first by
/// the colleague's own score. A cold tie (one old message) is not knowing someone; an automated target, one
/// the colleague muted or forgot, and the caller themselves never appear.
/// </summary>
public static class OrganisationIntroductionFinder
{
    /// <summary>At most this many colleagues are named: enough to find one to ask, too few to map who knows whom.</summary>
    public const int DefaultMaxResults = 3;

    public static IReadOnlyList<OrganisationIntroducer> Rank(IEnumerable<ColleagueTie> colleagues, string callerId, int maxResults = DefaultMaxResults)
    {
        ArgumentNullException.ThrowIfNull(colleagues);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        return colleagues
            .Where(c => !string.Equals(c.ColleagueId, callerId, StringComparison.OrdinalIgnoreCase) && Knows(c))
            .OrderByDescending(c => c.Target!.Probability)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal)
            .ThenBy(c => c.ColleagueId, StringComparer.Ordinal)
            .Take(maxResults)
            .Select(c => new OrganisationIntroducer(c.ColleagueId, c.DisplayName, c.Target!.Tier))
            .ToList();
    }

    private static bool Knows(ColleagueTie colleague) =>
        colleague.Target is { } target
        && !colleague.TargetMutedOrForgotten
        && !target.Automated
        && !string.Equals(target.Tier, WarmthTier.Cold.ToWire(), StringComparison.Ordinal);
}
