using Microsoft.Graph.Models;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using Participant = NetworkSync.Domain.Metadata.Participant;
using Recipient = NetworkSync.Domain.Metadata.Recipient;

namespace NetworkSync.Sync.Mapping;

/// <summary>Maps a Graph <see cref="Message"/> to the metadata NetworkSync stores; bodies are never read.</summary>
public static class GraphMessageMapper
{
    /// <summary>The only message properties requested from Graph ($select).</summary>
    public static readonly string[] SelectedFields =
    [
        "id", "sentDateTime", "receivedDateTime", "from", "toRecipients", "ccRecipients", "bccRecipients",
        "conversationId", "internetMessageId", "subject", "isDraft", "inferenceClassification",
    ];

    public static MappingResult<MessageMetadata> Map(Message message, string folder)
    {
        if (string.IsNullOrWhiteSpace(message.Id))
        {
            return new MappingResult<MessageMetadata>(null, "message without id");
        }

        var sent = message.SentDateTime ?? message.ReceivedDateTime;
        var received = message.ReceivedDateTime ?? message.SentDateTime;
        if (sent is null || received is null)
        {
            return new MappingResult<MessageMetadata>(null, $"message {message.Id} has neither sentDateTime nor receivedDateTime");
        }

        var recipients = new List<Recipient>();
        AddRecipients(recipients, message.ToRecipients, RecipientRole.To);
        AddRecipients(recipients, message.CcRecipients, RecipientRole.Cc);
        AddRecipients(recipients, message.BccRecipients, RecipientRole.Bcc);

        return new MappingResult<MessageMetadata>(new MessageMetadata
        {
            Id = message.Id,
            Folder = folder,
            SentAt = sent.Value.ToUniversalTime(),
            ReceivedAt = received.Value.ToUniversalTime(),
            From = ToParticipant(message.From ?? message.Sender),
            Recipients = recipients,
            ConversationId = message.ConversationId,
            InternetMessageId = message.InternetMessageId,
            Subject = message.Subject,
            IsDraft = message.IsDraft ?? false,
            InferenceClassification = message.InferenceClassification switch
            {
                InferenceClassificationType.Focused => "focused",
                InferenceClassificationType.Other => "other",
                _ => null,
            },
            BulkSignals = BulkSignalsFrom(message.InternetMessageHeaders),
        }, null);
    }

    internal static Participant? ToParticipant(Microsoft.Graph.Models.Recipient? recipient)
    {
        var address = EmailAddressNormalizer.Normalize(recipient?.EmailAddress?.Address);
        return address is null ? null : new Participant(address, CleanName(recipient?.EmailAddress?.Name));
    }

    internal static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim().Trim('"', '\'').Trim();
        return trimmed.Length == 0 ? null : trimmed.Length > 256 ? trimmed[..256] : trimmed;
    }

    private static void AddRecipients(List<Recipient> sink, List<Microsoft.Graph.Models.Recipient>? source, RecipientRole role)
    {
        if (source is null)
        {
            return;
        }

        foreach (var recipient in source)
        {
            if (ToParticipant(recipient) is { } participant)
            {
                sink.Add(new Recipient(role, participant));
            }
        }
    }

    private static BulkSignals BulkSignalsFrom(List<InternetMessageHeader>? headers)
    {
        var signals = BulkSignals.None;
        if (headers is null)
        {
            return signals;
        }

        foreach (var header in headers)
        {
            switch (header.Name?.ToUpperInvariant())
            {
                case "LIST-UNSUBSCRIBE":
                    signals |= BulkSignals.ListUnsubscribe;
                    break;
                case "LIST-ID":
                    signals |= BulkSignals.ListId;
                    break;
                case "PRECEDENCE" when header.Value is "bulk" or "list" or "junk":
                    signals |= BulkSignals.PrecedenceBulk;
                    break;
                case "AUTO-SUBMITTED" when !string.Equals(header.Value, "no", StringComparison.OrdinalIgnoreCase):
                    signals |= BulkSignals.AutoSubmitted;
                    break;
            }
        }

        return signals;
    }
}
