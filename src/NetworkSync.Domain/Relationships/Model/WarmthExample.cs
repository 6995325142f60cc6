namespace NetworkSync.Domain.Relationships.Model;

/// <summary>
/// One self-labelled training example: a person's features at a past cutoff, and whether the owner
/// wrote to or met them in the 90 days after it.
/// </summary>
public sealed record WarmthExample(string Person, DateTimeOffset Cutoff, double[] Features, bool Label);
