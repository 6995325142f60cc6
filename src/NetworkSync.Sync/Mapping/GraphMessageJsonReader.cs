using System.Globalization;
using System.Text.Json;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Sync.Mapping;

/// <summary>
/// Reads a Graph <c>message</c> straight from its JSON into <see cref="MessageMetadata"/>. The SDK
/// still builds, authenticates, retries and sends every request; only this last step skips Kiota's
/// generic model materialisation, which costs about 50 µs a message (a fresh table of ~70 field
/// deserialisers per object) and alone would cap a sync below 20,000 messages a second.
/// </summary>
public static class GraphMessageJsonReader
{
    /// <summary>The only message properties requested from Graph ($select): metadata, never bodies or previews.</summary>
    public static readonly string[] SelectedFields =
    [
        "id", "sentDateTime", "receivedDateTime", "from", "toRecipients", "ccRecipients", "bccRecipients",
        "conversationId", "internetMessageId", "subject", "isDraft", "inferenceClassification",
    ];

    /// <summary>The same, plus <c>internetMessageHeaders</c> for the bulk signals (Graph:ReadListHeaders).</summary>
    public static readonly string[] SelectedFieldsWithHeaders = [.. SelectedFields, "internetMessageHeaders"];

    public static MappingResult<MessageMetadata> Read(JsonElement item, string folder)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new MappingResult<MessageMetadata>(null, $"item is a JSON {item.ValueKind}, not an object");
        }

        var id = String(item, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return new MappingResult<MessageMetadata>(null, "message without id");
        }

        if (!TryInstant(item, "sentDateTime", out var sent, out var sentProblem) || !TryInstant(item, "receivedDateTime", out var received, out var receivedProblem))
        {
            return new MappingResult<MessageMetadata>(null, $"message {id}: unreadable date");
        }

        if (sentProblem || receivedProblem)
        {
            return new MappingResult<MessageMetadata>(null, $"message {id}: a date is not ISO 8601");
        }

        // Absent is not empty: an updated message may come as its id and only what changed.
        var present = PresentFields(item);
        sent ??= received;
        received ??= sent;

        var recipients = new List<Recipient>();
        AddRecipients(recipients, item, "toRecipients", RecipientRole.To);
        AddRecipients(recipients, item, "ccRecipients", RecipientRole.Cc);
        AddRecipients(recipients, item, "bccRecipients", RecipientRole.Bcc);

        return new MappingResult<MessageMetadata>(
            new MessageMetadata
            {
                Id = id,
                Folder = folder,
                SentAt = sent ?? DateTimeOffset.UnixEpoch,
                ReceivedAt = received ?? DateTimeOffset.UnixEpoch,
                From = Participant(item, "from") ?? Participant(item, "sender"),
                Recipients = recipients,
                ConversationId = String(item, "conversationId"),
                InternetMessageId = String(item, "internetMessageId"),
                Subject = String(item, "subject"),
                IsDraft = item.TryGetProperty("isDraft", out var draft) && draft.ValueKind == JsonValueKind.True,
                InferenceClassification = String(item, "inferenceClassification")?.ToLowerInvariant(),
                BulkSignals = BulkSignalsFrom(item),
                Present = present,
            },
            null);
    }

    private static MessageFields PresentFields(JsonElement item)
    {
        var present = MessageFields.None;
        foreach (var property in item.EnumerateObject())
        {
            present |= property.Name switch
            {
                "sentDateTime" => MessageFields.SentAt,
                "receivedDateTime" => MessageFields.ReceivedAt,
                "from" or "sender" => MessageFields.From,
                "toRecipients" => MessageFields.ToRecipients,
                "ccRecipients" => MessageFields.CcRecipients,
                "bccRecipients" => MessageFields.BccRecipients,
                "conversationId" => MessageFields.ConversationId,
                "internetMessageId" => MessageFields.InternetMessageId,
                "subject" => MessageFields.Subject,
                "isDraft" => MessageFields.IsDraft,
                "inferenceClassification" => MessageFields.InferenceClassification,
                "internetMessageHeaders" => MessageFields.BulkSignals,
                _ => MessageFields.None,
            };
        }

        return present;
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>False when the property has the wrong type; <paramref name="unreadable"/> when a string does not parse.</summary>
    private static bool TryInstant(JsonElement item, string name, out DateTimeOffset? value, out bool unreadable)
    {
        value = null;
        unreadable = false;
        if (!item.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (property.TryGetDateTimeOffset(out var parsed)
            || DateTimeOffset.TryParse(property.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
        {
            value = parsed.ToUniversalTime();
        }
        else
        {
            unreadable = true;
        }

        return true;
    }

    private static Participant? Participant(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var recipient) || recipient.ValueKind != JsonValueKind.Object
            || !recipient.TryGetProperty("emailAddress", out var email) || email.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var address = EmailAddressNormalizer.Normalize(String(email, "address"));
        return address is null ? null : new Participant(address, GraphParticipants.CleanName(String(email, "name")));
    }

    private static void AddRecipients(List<Recipient> sink, JsonElement item, string name, RecipientRole role)
    {
        if (!item.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var recipient in list.EnumerateArray())
        {
            if (recipient.ValueKind == JsonValueKind.Object
                && recipient.TryGetProperty("emailAddress", out var email)
                && email.ValueKind == JsonValueKind.Object
                && EmailAddressNormalizer.Normalize(String(email, "address")) is { } address)
            {
                sink.Add(new Recipient(role, new Domain.Metadata.Participant(address, GraphParticipants.CleanName(String(email, "name")))));
            }
        }
    }

    private static BulkSignals BulkSignalsFrom(JsonElement item)
    {
        var signals = BulkSignals.None;
        if (!item.TryGetProperty("internetMessageHeaders", out var headers) || headers.ValueKind != JsonValueKind.Array)
        {
            return signals;
        }

        foreach (var header in headers.EnumerateArray())
        {
            var value = header.ValueKind == JsonValueKind.Object ? String(header, "value") : null;
            switch (header.ValueKind == JsonValueKind.Object ? String(header, "name")?.ToUpperInvariant() : null)
            {
                case "LIST-UNSUBSCRIBE":
                    signals |= BulkSignals.ListUnsubscribe;
                    break;
                case "LIST-ID":
                    signals |= BulkSignals.ListId;
                    break;
                case "PRECEDENCE" when value is "bulk" or "list" or "junk":
                    signals |= BulkSignals.PrecedenceBulk;
                    break;
                case "AUTO-SUBMITTED" when !string.Equals(value, "no", StringComparison.OrdinalIgnoreCase):
                    signals |= BulkSignals.AutoSubmitted;
                    break;
            }
        }

        return signals;
    }
}
