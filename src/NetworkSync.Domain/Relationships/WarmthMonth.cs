namespace NetworkSync.Domain.Relationships;

/// <summary>One calendar month (UTC, starting at <see cref="Start"/>) of a relationship: what passed in it, and the warmth at its end.</summary>
public readonly record struct WarmthMonth(DateTimeOffset Start, int Sent, int Received, int Meetings, double Warmth);
