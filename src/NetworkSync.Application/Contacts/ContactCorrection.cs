using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// One correction of a mailbox's contacts, on normalized addresses: <see cref="ContactOverrideKind.Person"/>
/// (not automated) or <see cref="ContactOverrideKind.Muted"/> (not a relationship) about <see cref="Address"/>
/// alone, or <see cref="ContactOverrideKind.Same"/>/<see cref="ContactOverrideKind.Apart"/> about the pair
/// <see cref="Address"/> and <see cref="Other"/>.
/// </summary>
public sealed record ContactCorrection(string Address, ContactOverrideKind Kind, string? Other = null)
{
    /// <summary>
    /// The correction a route's <paramref name="wire"/> kind names, when it is one of the four a user may make
    /// (forgetting has its own route) and comes with an other address exactly when it is about a pair.
    /// </summary>
    public static ContactOverrideKind? KindFromWire(string wire, bool hasOther) =>
        ContactOverrideKindNames.FromWire(wire) is { } kind && kind != ContactOverrideKind.Forgotten && kind.IsPair() == hasOther ? kind : null;
}
