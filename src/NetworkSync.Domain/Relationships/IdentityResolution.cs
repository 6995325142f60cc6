namespace NetworkSync.Domain.Relationships;

/// <summary>What <see cref="IdentityResolver"/> found: which addresses are one person, why, and which pairs to ask about.</summary>
public sealed record IdentityResolution(
    IReadOnlyDictionary<string, string> MergedInto,
    IReadOnlyDictionary<string, string> Because,
    IReadOnlyList<MergeSuggestion> Suggestions)
{
    public static IdentityResolution None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), []);
}
