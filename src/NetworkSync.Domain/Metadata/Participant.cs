namespace NetworkSync.Domain.Metadata;

/// <summary>A person or mailbox named on a message or meeting; the address is already normalised.</summary>
public sealed record Participant(string Address, string? DisplayName);
