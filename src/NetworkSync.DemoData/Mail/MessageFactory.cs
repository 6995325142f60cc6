using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Mail;

/// <summary>
/// Mints messages with ids, delivery times, folder and read state, so every generator files mail the same way:
/// the owner's mail in Sent Items, incoming mail mostly in the Inbox, a little archived or deleted.
/// </summary>
internal sealed class MessageFactory(GraphIdFactory ids, MailboxPeriod period)
{
    private static readonly TimeSpan ArchiveAge = TimeSpan.FromDays(120);

    public string NewConversationId() => ids.NextConversationId();

    public GeneratedMessage Outgoing(
        MailAddress from, IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc, string subject, string conversationId, DateTimeOffset sent, SeededRandom random) =>
        new()
        {
            Id = ids.NextItemId(),
            Folder = MailFolder.SentItems,
            ConversationId = conversationId,
            InternetMessageId = ids.NextInternetMessageId(from.Address),
            Subject = subject,
            From = from,
            To = to,
            Cc = cc,
            Sent = sent,
            Received = sent,
            HasAttachments = random.Chance(0.08),
            IsFromOwner = true,
        };

    /// <summary>Mail from a person: focused, read unless it arrived in the last couple of days, sometimes archived.</summary>
    public GeneratedMessage IncomingFromPerson(
        PlantedContact? sender, MailAddress from, IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc, string subject, string conversationId, DateTimeOffset sent, SeededRandom random)
    {
        var received = sent + TimeSpan.FromSeconds(random.Between(2, 40));
        var faint = sender is null || sender.Kind is ContactKind.Acquaintance or ContactKind.UnansweredInbound;
        var recent = period.AsOf - received < TimeSpan.FromDays(2);
        var folder = MailFolder.Inbox;
        if (period.AsOf - received > ArchiveAge && random.Chance(0.06))
        {
            folder = MailFolder.Archive;
        }
        else if (random.Chance(0.01))
        {
            folder = MailFolder.DeletedItems;
        }

        return new GeneratedMessage
        {
            Id = ids.NextItemId(),
            Folder = folder,
            ConversationId = conversationId,
            InternetMessageId = ids.NextInternetMessageId(from.Address),
            Subject = subject,
            From = from,
            To = to,
            Cc = cc,
            Sent = sent,
            Received = received,
            IsRead = recent ? random.Chance(0.5) : random.Chance(faint ? 0.8 : 0.98),
            InferenceClassification = faint && random.Chance(0.4) ? "other" : "focused",
            Importance = random.Chance(0.02) ? "high" : "normal",
            HasAttachments = random.Chance(0.1),
        };
    }

    /// <summary>Mail from software or a list: often unread, often in Other, sometimes deleted unopened.</summary>
    public GeneratedMessage IncomingFromMachine(
        MailAddress from, IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc, string subject, string conversationId, DateTimeOffset sent,
        string classification, double readChance, double deleteChance, IReadOnlyList<MessageHeader> headers, SeededRandom random) =>
        new()
        {
            Id = ids.NextItemId(),
            Folder = random.Chance(deleteChance) ? MailFolder.DeletedItems : MailFolder.Inbox,
            ConversationId = conversationId,
            InternetMessageId = ids.NextInternetMessageId(from.Address),
            Subject = subject,
            From = from,
            To = to,
            Cc = cc,
            Sent = sent,
            Received = sent + TimeSpan.FromSeconds(random.Between(1, 300)),
            IsRead = random.Chance(readChance),
            InferenceClassification = classification,
            Headers = headers,
        };
}
