namespace NetworkSync.Domain.Metadata;

/// <summary>Header-level hints that a message was sent in bulk or by a machine.</summary>
[Flags]
public enum BulkSignals
{
    None = 0,
    ListUnsubscribe = 1,
    ListId = 2,
    PrecedenceBulk = 4,
    AutoSubmitted = 8,
}
