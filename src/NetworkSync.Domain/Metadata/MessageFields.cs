namespace NetworkSync.Domain.Metadata;

/// <summary>
/// Which of a message's properties a Graph item actually carried. Delta rounds may send an updated message
/// as "its id with at least the properties that have been updated" (delta-query-overview), so an absent
/// property means "unchanged", never "empty": a store merges such a record instead of overwriting.
/// </summary>
[Flags]
public enum MessageFields
{
    None = 0,
    SentAt = 1,
    ReceivedAt = 1 << 1,
    From = 1 << 2,
    ToRecipients = 1 << 3,
    CcRecipients = 1 << 4,
    BccRecipients = 1 << 5,
    ConversationId = 1 << 6,
    InternetMessageId = 1 << 7,
    Subject = 1 << 8,
    IsDraft = 1 << 9,
    InferenceClassification = 1 << 10,
    BulkSignals = 1 << 11,
    Recipients = ToRecipients | CcRecipients | BccRecipients,
    All = (1 << 12) - 1,
}
