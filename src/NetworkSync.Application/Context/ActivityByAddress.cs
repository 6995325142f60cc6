using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Context;

/// <summary>
/// A mailbox's messages and meetings grouped by contact address, newest first, built once per load of
/// the mailbox's activity. Per-person answers then read a few hundred touches at most instead of
/// scanning every message of the mailbox on each request.
/// </summary>
public sealed class ActivityByAddress
{
    private readonly Dictionary<string, ContactTouch[]> touches;

    private ActivityByAddress(MailboxActivity activity, Dictionary<string, ContactTouch[]> touches)
    {
        Activity = activity;
        this.touches = touches;
    }

    /// <summary>The activity this was built from (compared by reference to know when to rebuild).</summary>
    public MailboxActivity Activity { get; }

    /// <summary>
    /// Every message and meeting with <paramref name="address"/>, newest first. Meetings are here from the
    /// moment they are on the calendar (upcoming ones too) under the same rules the scores use: not
    /// cancelled, not declined by the owner or by the contact, no series masters, no rooms.
    /// </summary>
    public ReadOnlySpan<ContactTouch> Of(string address) =>
        touches.TryGetValue(address, out var found) ? found : [];

    public static ActivityByAddress Build(MailboxActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        // Every interaction of a message happens at the same time (sent, or received), and of a meeting
        // at its start; walking messages and meetings newest first (ties by id) therefore fills each
        // address's list already in NewestFirst order, and only these 26k items need sorting, not the
        // twice as many touches.
        var sources = new List<(long Ticks, string Id, MessageMetadata? Message, EventMetadata? Meeting)>(activity.Messages.Count + activity.Events.Count);
        foreach (var message in activity.Messages)
        {
            var at = activity.Owner.IsOwn(message.From?.Address) ? message.SentAt : message.ReceivedAt;
            sources.Add((at.UtcTicks, message.Id, message, null));
        }

        foreach (var meeting in activity.Events)
        {
            sources.Add((meeting.Start.UtcTicks, meeting.Id, null, meeting));
        }

        sources.Sort(static (x, y) => x.Ticks != y.Ticks ? y.Ticks.CompareTo(x.Ticks) : string.CompareOrdinal(x.Id, y.Id));

        var grouped = new Dictionary<string, List<ContactTouch>>(StringComparer.Ordinal);
        var scratch = new List<Interaction>();
        foreach (var (_, _, message, meeting) in sources)
        {
            scratch.Clear();
            if (message is not null)
            {
                InteractionExtractor.FromMessage(message, activity.Owner, scratch);
                foreach (var interaction in scratch)
                {
                    Add(grouped, new ContactTouch(interaction, interaction.At, message.Subject, null));
                }
            }
            else if (meeting is not null)
            {
                // "As of the end of time" takes every meeting, future ones included; readers decide by
                // VisibleAt (the end) whether it has happened yet.
                InteractionExtractor.FromEvent(meeting, activity.Owner, DateTimeOffset.MaxValue, scratch);
                foreach (var interaction in scratch)
                {
                    Add(grouped, new ContactTouch(interaction, meeting.End, meeting.Subject, meeting.End));
                }
            }
        }

        var byAddress = new Dictionary<string, ContactTouch[]>(grouped.Count, StringComparer.Ordinal);
        foreach (var (address, list) in grouped)
        {
            byAddress.Add(address, [.. list]);
        }

        return new ActivityByAddress(activity, byAddress);
    }

    /// <summary>Newest first; ties broken by source id and direction so the order never depends on load order.</summary>
    public static int NewestFirst(ContactTouch x, ContactTouch y)
    {
        var byTime = y.Interaction.At.CompareTo(x.Interaction.At);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySource = string.CompareOrdinal(x.Interaction.SourceId, y.Interaction.SourceId);
        return bySource != 0 ? bySource : x.Interaction.Direction.CompareTo(y.Interaction.Direction);
    }

    private static void Add(Dictionary<string, List<ContactTouch>> grouped, ContactTouch touch)
    {
        if (!grouped.TryGetValue(touch.Interaction.ContactAddress, out var list))
        {
            list = [];
            grouped.Add(touch.Interaction.ContactAddress, list);
        }

        list.Add(touch);
    }
}
