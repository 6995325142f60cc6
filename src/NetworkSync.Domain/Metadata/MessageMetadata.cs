namespace NetworkSync.Domain.Metadata;

/// <summary>
/// The metadata NetworkSync keeps for one message: who, when, which thread. Never a body or preview.
/// </summary>
public sealed record MessageMetadata
{
    public required string Id { get; init; }

    /// <summary>The well-known folder name the message was synced from ("inbox", "sentitems", ...).</summary>
    public required string Folder { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public Participant? From { get; init; }

    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    public string? ConversationId { get; init; }

    public string? InternetMessageId { get; init; }

    public string? Subject { get; init; }

    public bool IsDraft { get; init; }

    /// <summary>Graph's Focused Inbox verdict: "focused" or "other"; null when absent.</summary>
    public string? InferenceClassification { get; init; }

    public BulkSignals BulkSignals { get; init; }
}
