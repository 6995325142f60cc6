namespace NetworkSync.Domain.Relationships;

/// <summary>An interaction and when it became part of the record (a message when sent or received, a meeting once it has ended).</summary>
public readonly record struct VisibleInteraction(Interaction Interaction, DateTimeOffset VisibleAt);
