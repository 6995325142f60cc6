namespace NetworkSync.DemoData.Mail;

/// <summary>One message as generated, before it is written in Graph's <c>message</c> shape. No body, ever.</summary>
internal sealed class GeneratedMessage
{
    public required string Id { get; init; }

    public required string Folder { get; set; }

    public required string ConversationId { get; init; }

    public required string InternetMessageId { get; init; }

    public required string Subject { get; init; }

    public required MailAddress From { get; init; }

    public required IReadOnlyList<MailAddress> To { get; init; }

    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    public required DateTimeOffset Sent { get; init; }

    /// <summary>When the owner's server took delivery; equal to <see cref="Sent"/> for the owner's own mail.</summary>
    public required DateTimeOffset Received { get; init; }

    public bool IsRead { get; set; } = true;

    /// <summary>Graph's Focused Inbox verdict: <c>focused</c> or <c>other</c>.</summary>
    public string InferenceClassification { get; init; } = "focused";

    public string Importance { get; init; } = "normal";

    public bool HasAttachments { get; init; }

    /// <summary>Only bulk and automated mail carries headers here; they are the signals a classifier looks for.</summary>
    public IReadOnlyList<MessageHeader> Headers { get; init; } = [];

    /// <summary>True for the owner's outgoing mail (whichever of their addresses sent it).</summary>
    public bool IsFromOwner { get; init; }
}
