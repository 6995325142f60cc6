namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// One calendar month (UTC, from <see cref="Start"/>) of the whole network: how many relationships were
/// in each active tier at its end, and how many ties (<see cref="NetworkTrend.Holds"/>) were gained and lost in it.
/// </summary>
public readonly record struct TierMonth(DateTimeOffset Start, int Hot, int Warm, int Cool, int Gained, int Lost);
