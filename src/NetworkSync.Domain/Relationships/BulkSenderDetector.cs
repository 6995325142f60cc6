using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Senders whose mail carries bulk signals: Focused Inbox's "other" verdict or list headers
/// (List-Unsubscribe, List-Id, Precedence: bulk, Auto-Submitted). They count as automated unless the
/// owner writes to them (see <see cref="ContactAggregator"/>).
/// </summary>
public static class BulkSenderDetector
{
    public static bool IsBulk(MessageMetadata message) =>
        message.BulkSignals != BulkSignals.None || string.Equals(message.InferenceClassification, "other", StringComparison.Ordinal);

    public static HashSet<string> Senders(IEnumerable<MessageMetadata> messages)
    {
        var senders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.From is { } from && IsBulk(message))
            {
                senders.Add(from.Address);
            }
        }

        return senders;
    }
}
