namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// Someone in the owner's network who can introduce them to the target, with why: the owner's warmth with the
/// introducer (<see cref="Warmth"/>, <see cref="Tier"/>), the evidence of the introducer's tie to the target,
/// and <see cref="Score"/> (the ranking: tie strength weighted by the owner's warmth with the introducer).
/// </summary>
public sealed record WarmPath(
    string Address,
    string? DisplayName,
    double Warmth,
    string Tier,
    double Score,
    TieEvidence Evidence,
    string Explanation);
