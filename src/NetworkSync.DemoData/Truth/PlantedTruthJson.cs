using System.Text.Json;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Json;
using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Truth;

/// <summary>
/// Writes <c>planted-truth.json</c>, the answer key for warmth and dormancy models:
/// <code>
/// {
///   "mailbox":  { "id", "mail", "displayName", "aliases": [..] },
///   "asOf": "2026-11-25T12:00:00Z", "periodStart": "...", "seed": 42,
///   "dormantAfterDays": 180,
///   "contacts": [ { "address", "displayName",
///                   "kind": colleague|client|friend|former-colleague|acquaintance|unanswered-inbound|
///                           unanswered-outbound|newsletter|notification-bot|distribution-list|bulk-sender,
///                   "strength": 0..1 (0 for noise), "automated": bool, "dormant": bool, "cooling": bool,
///                   "otherAddresses": [..], "lastContact": "..." | null } ],
///   "bystanders": [ { "address", "displayName" } ]   // staff with no tie, only in town halls and all-staff Cc lists
/// }
/// </code>
/// README.md defines each field and the exact rules behind dormant, cooling and lastContact.
/// </summary>
internal static class PlantedTruthJson
{
    public static void Write(Stream stream, MailboxOwner owner, MailboxPeriod period, int seed, IReadOnlyList<ContactTruth> contacts, IReadOnlyList<MailAddress> bystanders)
    {
        using var writer = new Utf8JsonWriter(stream, GraphJsonFormat.ReadableOptions);
        writer.WriteStartObject();
        writer.WriteStartObject("mailbox");
        writer.WriteString("id", owner.Id);
        writer.WriteString("mail", owner.Primary.Address);
        writer.WriteString("displayName", owner.DisplayName);
        writer.WriteStartArray("aliases");
        writer.WriteStringValue(owner.Alias.Address);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteString("asOf", GraphJsonFormat.Instant(period.AsOf));
        writer.WriteString("periodStart", GraphJsonFormat.Instant(period.Start));
        writer.WriteNumber("seed", seed);
        writer.WriteNumber("dormantAfterDays", PlantedTruthCalculator.DormancyDays);
        writer.WriteStartArray("contacts");
        foreach (var contact in contacts)
        {
            writer.WriteStartObject();
            writer.WriteString("address", contact.Address);
            writer.WriteString("displayName", contact.DisplayName);
            writer.WriteString("kind", contact.Kind);
            writer.WriteNumber("strength", contact.Strength);
            writer.WriteBoolean("automated", contact.Automated);
            writer.WriteBoolean("dormant", contact.Dormant);
            writer.WriteBoolean("cooling", contact.Cooling);
            writer.WriteStartArray("otherAddresses");
            foreach (var other in contact.OtherAddresses)
            {
                writer.WriteStringValue(other);
            }

            writer.WriteEndArray();
            if (contact.LastContact is { } last)
            {
                writer.WriteString("lastContact", GraphJsonFormat.Instant(last));
            }
            else
            {
                writer.WriteNull("lastContact");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("bystanders");
        foreach (var bystander in bystanders)
        {
            writer.WriteStartObject();
            writer.WriteString("address", bystander.Address);
            writer.WriteString("displayName", bystander.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
