using System.Text.Json;
using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Json;

/// <summary>Writes a message in Graph v1.0's <c>message</c> shape (metadata only; bodies are never part of a fixture).</summary>
internal static class GraphMessageJson
{
    public static void Write(Utf8JsonWriter writer, GeneratedMessage message, string parentFolderId)
    {
        writer.WriteStartObject();
        writer.WriteString("id", message.Id);
        writer.WriteString("createdDateTime", GraphJsonFormat.Instant(message.Received));
        writer.WriteString("lastModifiedDateTime", GraphJsonFormat.Instant(message.Received));
        writer.WriteString("receivedDateTime", GraphJsonFormat.Instant(message.Received));
        writer.WriteString("sentDateTime", GraphJsonFormat.Instant(message.Sent));
        writer.WriteBoolean("hasAttachments", message.HasAttachments);
        writer.WriteString("internetMessageId", message.InternetMessageId);
        writer.WriteString("subject", message.Subject);
        writer.WriteString("importance", message.Importance);
        writer.WriteString("parentFolderId", parentFolderId);
        writer.WriteString("conversationId", message.ConversationId);
        writer.WriteBoolean("isRead", message.IsRead);
        writer.WriteBoolean("isDraft", false);
        writer.WriteString("inferenceClassification", message.InferenceClassification);
        writer.WriteStartObject("sender");
        GraphJsonFormat.WriteEmailAddressProperty(writer, message.From);
        writer.WriteEndObject();
        writer.WriteStartObject("from");
        GraphJsonFormat.WriteEmailAddressProperty(writer, message.From);
        writer.WriteEndObject();
        WriteRecipients(writer, "toRecipients", message.To);
        WriteRecipients(writer, "ccRecipients", message.Cc);
        WriteRecipients(writer, "bccRecipients", []);
        WriteRecipients(writer, "replyTo", []);
        writer.WriteStartObject("flag");
        writer.WriteString("flagStatus", "notFlagged");
        writer.WriteEndObject();
        if (message.Headers.Count > 0)
        {
            writer.WriteStartArray("internetMessageHeaders");
            foreach (var header in message.Headers)
            {
                writer.WriteStartObject();
                writer.WriteString("name", header.Name);
                writer.WriteString("value", header.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteRecipients(Utf8JsonWriter writer, string propertyName, IReadOnlyList<MailAddress> recipients)
    {
        writer.WriteStartArray(propertyName);
        foreach (var recipient in recipients)
        {
            writer.WriteStartObject();
            GraphJsonFormat.WriteEmailAddressProperty(writer, recipient);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
