namespace NetworkSync.App.Features.Contacts;

/// <summary>
/// One correction of a mailbox's contacts, on normalized addresses: "person" (not automated), "muted"
/// (not a relationship) about <see cref="Address"/> alone, or "same"/"apart" about the pair
/// <see cref="Address"/> and <see cref="Other"/>.
/// </summary>
public sealed record ContactCorrection(string Address, string Kind, string? Other = null)
{
    public const string Person = "person";
    public const string Muted = "muted";
    public const string Same = "same";
    public const string Apart = "apart";

    /// <summary>Whether <paramref name="kind"/> is one of the four corrections and comes with an other address exactly when it is about a pair.</summary>
    public static bool IsKnown(string kind, bool hasOther) =>
        kind is Person or Muted or Same or Apart && IsPair(kind) == hasOther;

    public static bool IsPair(string kind) => kind is Same or Apart;
}
