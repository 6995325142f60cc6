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

    /// <summary>
    /// The properties this record was read from; the rest are unknown (a partial update), not empty. A
    /// record without <see cref="MessageFields.SentAt"/> and <see cref="MessageFields.ReceivedAt"/> can only
    /// update a message already stored.
    /// </summary>
    public MessageFields Present { get; init; } = MessageFields.All;

    /// <summary>Whether every property was sent (a whole item, which may replace a stored row outright).</summary>
    public bool IsComplete => (Present & MessageFields.All) == MessageFields.All;
}
