using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.JobChanges;

namespace NetworkSync.Application.Context;

/// <summary>
/// One person's context apart from follow-ups (which change between scorings), worked out once per
/// scoring at its "now": the timeline, the meetings either side of now, and whether they await a reply.
/// </summary>
public sealed class PersonProfile
{
    public const int TimelineLength = 10;
    public const int MeetingsEachWay = 5;

    /// <summary>Their latest mail counts as awaiting a reply for this long (see <see cref="ReplyDebt"/>).</summary>
    public static readonly TimeSpan ReplyWindow = ReplyDebt.Window;

    private PersonProfile(ContactSummary? summary, IReadOnlyList<string> addresses, IReadOnlyList<TimelineEntry> timeline, PersonMeetings meetings, bool owesReply, bool muted, JobChange? jobChange)
    {
        JobChange = jobChange;
        Summary = summary;
        Addresses = addresses;
        Timeline = timeline;
        Meetings = meetings;
        OwesReply = owesReply;
        Muted = muted;
    }

    /// <summary>The scored relationship; null when there has been no interaction yet (a first contact).</summary>
    public ContactSummary? Summary { get; }

    /// <summary>The person's addresses, the one they are known under first.</summary>
    public IReadOnlyList<string> Addresses { get; }

    public IReadOnlyList<TimelineEntry> Timeline { get; }

    public PersonMeetings Meetings { get; }

    /// <summary>They await the owner's reply (<see cref="ReplyDebt.Owes"/>).</summary>
    public bool OwesReply { get; }

    /// <summary>The user muted one of the person's addresses.</summary>
    public bool Muted { get; }

    /// <summary>Their mail now comes from a new organisation (<see cref="JobChangeDetector"/>); null otherwise.</summary>
    public JobChange? JobChange { get; }

    public static PersonProfile Build(ContactSummary? summary, IReadOnlyList<string> addresses, ActivityByAddress activity, IReadOnlySet<string> muted, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(muted);
        var touches = TouchesOf(addresses, activity);
        var timeline = new List<TimelineEntry>(TimelineLength);
        var seen = new HashSet<(string?, InteractionDirection)>();
        var ended = new List<ContactTouch>();
        var ahead = new List<ContactTouch>();
        var meetingIds = new HashSet<string?>(StringComparer.Ordinal);
        DateTimeOffset? theirLatest = null;
        DateTimeOffset? ownerLatest = null;

        // Only a person with several addresses can have moved; each address's first and last mail to the owner.
        var spans = addresses.Count > 1 ? new Dictionary<string, SenderSpan>(StringComparer.Ordinal) : null;
        foreach (var touch in touches)
        {
            var interaction = touch.Interaction;
            if (touch.IsMeeting && meetingIds.Add(interaction.SourceId))
            {
                (touch.VisibleAt <= asOf ? ended : ahead).Add(touch);
            }

            if (touch.VisibleAt > asOf)
            {
                continue;
            }

            if (timeline.Count < TimelineLength && seen.Add((interaction.SourceId, interaction.Direction)))
            {
                timeline.Add(new TimelineEntry(interaction.At, KindOf(interaction.Direction), touch.Subject));
            }

            // Touches come newest first, so the first of each kind is the latest.
            if (interaction.Direction == InteractionDirection.Outbound)
            {
                ownerLatest ??= interaction.At;
            }
            else if (interaction.Direction == InteractionDirection.Inbound && spans is not null)
            {
                spans[interaction.ContactAddress] = spans.TryGetValue(interaction.ContactAddress, out var span)
                    ? span with { First = interaction.At }
                    : new SenderSpan(interaction.ContactAddress, interaction.At, interaction.At);
            }

            if (ReplyDebt.AsksForReply(interaction))
            {
                theirLatest ??= interaction.At;
            }
        }

        var owesReply = ReplyDebt.Owes(summary?.Automated, theirLatest, ownerLatest, asOf);
        var recent = ended.OrderByDescending(t => t.MeetingEnd).ThenBy(t => t.Interaction.SourceId, StringComparer.Ordinal).Take(MeetingsEachWay).Select(MeetingOf).ToList();
        var upcoming = ahead.OrderBy(t => t.Interaction.At).ThenBy(t => t.Interaction.SourceId, StringComparer.Ordinal).Take(MeetingsEachWay).Select(MeetingOf).ToList();
        var meetings = recent.Count == 0 && upcoming.Count == 0 ? PersonMeetings.None : new PersonMeetings(upcoming, recent);
        var jobChange = spans is null ? null : JobChangeDetector.Detect(spans.Values);
        return new PersonProfile(summary, addresses, timeline, meetings, owesReply, addresses.Any(muted.Contains), jobChange);
    }

    public static string KindOf(InteractionDirection direction) => direction switch
    {
        InteractionDirection.Outbound => "sent",
        InteractionDirection.Inbound => "received",
        _ => "meeting",
    };

    /// <summary>One address's touches are already newest first; a person with several addresses gets them merged.</summary>
    private static ContactTouch[] TouchesOf(IReadOnlyList<string> addresses, ActivityByAddress activity)
    {
        if (addresses.Count == 1)
        {
            return activity.Of(addresses[0]).ToArray();
        }

        var all = new List<ContactTouch>();
        foreach (var address in addresses)
        {
            all.AddRange(activity.Of(address));
        }

        var merged = all.ToArray();
        Array.Sort(merged, ActivityByAddress.NewestFirst);
        return merged;
    }

    private static PersonMeeting MeetingOf(ContactTouch touch) =>
        new(touch.Interaction.SourceId ?? string.Empty, touch.Subject, touch.Interaction.At, touch.MeetingEnd ?? touch.VisibleAt);
}
