using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Relationships;

/// <summary>Where the interactions the scores count come from: a mailbox's stored messages and meetings.</summary>
public static class InteractionSource
{
    /// <summary>
    /// The interactions visible at <paramref name="asOf"/>: meetings count once they have ended, and the
    /// people copied beside the owner on someone else's mail count as co-recipients, so that everyone the
    /// mailbox has seen gets a score.
    /// </summary>
    public static List<Interaction> At(MailboxIdentity owner, IReadOnlyCollection<MessageMetadata> messages, IEnumerable<EventMetadata> events, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(events);
        var interactions = new List<Interaction>(messages.Count * 3);
        foreach (var message in messages)
        {
            InteractionExtractor.FromMessage(message, owner, interactions);
            InteractionExtractor.CoRecipientsOf(message, owner, interactions);
        }

        foreach (var meeting in events)
        {
            InteractionExtractor.FromEvent(meeting, owner, asOf, interactions);
        }

        return interactions;
    }
}
