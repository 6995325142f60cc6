namespace NetworkSync.Storage.Entities;

/// <summary>Message metadata keyed by Graph (immutable) id: no body, no preview.</summary>
public sealed class MessageRow
{
    public required string MailboxId { get; set; }

    public required string Id { get; set; }

    public required string Folder { get; set; }

    public long Generation { get; set; }

    public long SentMs { get; set; }

    public long ReceivedMs { get; set; }

    public string? FromAddress { get; set; }

    public string? FromName { get; set; }

    /// <summary>To, Cc and Bcc as compact JSON (see ParticipantCodec).</summary>
    public string Recipients { get; set; } = "[]";

    public int RecipientCount { get; set; }

    public string? ConversationId { get; set; }

    public string? InternetMessageId { get; set; }

    public string? Subject { get; set; }

    public bool IsDraft { get; set; }

    public string? InferenceClassification { get; set; }

    public int BulkSignals { get; set; }
}
