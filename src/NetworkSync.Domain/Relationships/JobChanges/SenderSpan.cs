namespace NetworkSync.Domain.Relationships.JobChanges;

/// <summary>When one address of a person first and last wrote to the owner.</summary>
public readonly record struct SenderSpan(string Address, DateTimeOffset First, DateTimeOffset Last);
