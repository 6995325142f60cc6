using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.FollowUps;

/// <summary>When the user wrote to each address: sorted send times per recipient, for "did they follow up?".</summary>
public sealed class OutboundMailIndex
{
    private readonly Dictionary<string, List<DateTimeOffset>> sentTo = new(StringComparer.Ordinal);

    public OutboundMailIndex(IEnumerable<MessageMetadata> messages, MailboxIdentity owner)
    {
        foreach (var message in messages)
        {
            if (message.IsDraft || message.From is null || !owner.IsOwn(message.From.Address))
            {
                continue;
            }

            foreach (var recipient in message.Recipients)
            {
                if (!sentTo.TryGetValue(recipient.Who.Address, out var times))
                {
                    times = [];
                    sentTo.Add(recipient.Who.Address, times);
                }

                times.Add(message.SentAt);
            }
        }

        foreach (var times in sentTo.Values)
        {
            times.Sort();
        }
    }

    /// <summary>The first time in [<paramref name="from"/>, <paramref name="until"/>] the user wrote to any of the addresses.</summary>
    public DateTimeOffset? FirstSentTo(IEnumerable<string> addresses, DateTimeOffset from, DateTimeOffset until)
    {
        DateTimeOffset? first = null;
        foreach (var address in addresses)
        {
            if (!sentTo.TryGetValue(address, out var times))
            {
                continue;
            }

            var index = times.BinarySearch(from);
            if (index < 0)
            {
                index = ~index;
            }

            // BinarySearch finds any equal element; step back to the first of a run of equal times.
            while (index > 0 && times[index - 1] == from)
            {
                index--;
            }

            if (index < times.Count && times[index] <= until && (first is null || times[index] < first))
            {
                first = times[index];
            }
        }

        return first;
    }
}
