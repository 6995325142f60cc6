using System.Runtime.InteropServices;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Everything one contact's interactions add up to, gathered in one pass. Additions commute: the
/// model's features are summed in fixed-point units and names are chosen by a total order, so the
/// result never depends on the order interactions arrive in.
/// </summary>
internal sealed class ContactAccumulator : IInteractionSink
{
    private readonly DateTimeOffset asOf;
    // Conversations are numbered as they are first seen, so the thread pass sorts and compares integers
    // rather than conversation ids (each a string somewhere else in memory): which thread comes first
    // does not matter, only what happens within each.
    private readonly Dictionary<string, int> conversations = new(StringComparer.Ordinal);
    private readonly List<(int Conversation, long At, bool Outbound)> threadEvents;
    private readonly List<(long At, bool Outbound)> unthreaded = [];
    private readonly List<long> directContactDays;
    private DateTimeOffset nameSeenAt = DateTimeOffset.MinValue;

    /// <param name="expected">How many interactions will be added, at most: the lists are sized once, not grown (and thrown away) as they fill.</param>
    public ContactAccumulator(DateTimeOffset asOf, int expected = 0)
    {
        this.asOf = asOf;
        threadEvents = new List<(int, long, bool)>(expected);
        directContactDays = new List<long>(expected);
        Features = new FeatureAccumulator(asOf, expected);
    }

    /// <summary>The warmth model's features at the evaluation time.</summary>
    public FeatureAccumulator Features { get; }

    public string? DisplayName { get; private set; }

    public int Sent { get; private set; }

    public int Received { get; private set; }

    public int Meetings { get; private set; }

    public int DirectMeetings { get; private set; }

    public int MeetingsLast90Days { get; private set; }

    public DateTimeOffset? LastInbound { get; private set; }

    public DateTimeOffset? LastOutbound { get; private set; }

    public DateTimeOffset? LastMeeting { get; private set; }

    public DateTimeOffset? LastOneOnOne { get; private set; }

    /// <summary>The last direct contact of any kind: what "last spoke" means.</summary>
    public DateTimeOffset? LastDirectContact => Later(Later(LastInbound, LastOutbound), LastMeeting);

    /// <summary>Messages both were on that a third person sent (see <see cref="InteractionDirection.CoRecipient"/>).</summary>
    public int Copied { get; private set; }

    /// <summary>Weeks in which mail without a conversation id was answered within 14 days (set by <see cref="Finish"/>).</summary>
    public int AnsweredWeeksWithoutThreads { get; private set; }

    /// <summary>Conversations in which both sides wrote directly (set by <see cref="Finish"/>).</summary>
    public int TwoWayConversations { get; private set; }

    /// <summary>Two-way conversations active in the 90 days before the evaluation time (set by <see cref="Finish"/>).</summary>
    public int RecentTwoWayConversations { get; private set; }

    /// <summary>The median time the owner took to answer this contact in a thread; null without answers (set by <see cref="Finish"/>).</summary>
    public TimeSpan? MedianReplyTime { get; private set; }

    public void Add(in Interaction interaction)
    {
        RememberName(interaction);
        Features.Add(interaction);
        switch (interaction.Direction)
        {
            case InteractionDirection.CoRecipient:
                Copied++;
                break;
            case InteractionDirection.Outbound:
                Sent++;
                LastOutbound = Later(LastOutbound, interaction.At);
                Thread(interaction, outbound: true);
                directContactDays.Add(interaction.At.UtcTicks / TimeSpan.TicksPerDay);
                break;
            case InteractionDirection.Inbound:
                Received++;
                if (interaction.Direct)
                {
                    LastInbound = Later(LastInbound, interaction.At);
                    Thread(interaction, outbound: false);
                    directContactDays.Add(interaction.At.UtcTicks / TimeSpan.TicksPerDay);
                }

                break;
            default:
                Meetings++;
                if (interaction.Direct)
                {
                    DirectMeetings++;
                    LastMeeting = Later(LastMeeting, interaction.At);
                    directContactDays.Add(interaction.At.UtcTicks / TimeSpan.TicksPerDay);
                    if (interaction.AudienceSize <= 1)
                    {
                        LastOneOnOne = Later(LastOneOnOne, interaction.At);
                    }

                    if (asOf - interaction.At <= ScoringRules.RecentWindow)
                    {
                        MeetingsLast90Days++;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Works out the thread figures in one pass over the thread events sorted by conversation, then
    /// time (inbound first on a tie), pairing each answer with the mail it answered.
    /// </summary>
    public void Finish()
    {
        AnsweredWeeksWithoutThreads = AnsweredWeeks();
        threadEvents.Sort(static (x, y) =>
        {
            var byThread = x.Conversation.CompareTo(y.Conversation);
            return byThread != 0 ? byThread : x.At != y.At ? x.At.CompareTo(y.At) : x.Outbound.CompareTo(y.Outbound);
        });
        var recentSince = (asOf - ScoringRules.RecentWindow).UtcTicks;
        var latencies = new List<double>();
        var twoWay = 0;
        var recent = 0;
        for (var start = 0; start < threadEvents.Count;)
        {
            var conversation = threadEvents[start].Conversation;
            bool sawOut = false, sawIn = false;
            long last = 0;
            long? waitingSince = null;
            var i = start;
            for (; i < threadEvents.Count && threadEvents[i].Conversation == conversation; i++)
            {
                var (_, at, outbound) = threadEvents[i];
                last = at;
                if (outbound)
                {
                    sawOut = true;
                    if (waitingSince is { } since)
                    {
                        latencies.Add(TimeSpan.FromTicks(at - since).TotalMinutes);
                        waitingSince = null;
                    }
                }
                else
                {
                    sawIn = true;
                    waitingSince ??= at;
                }
            }

            if (sawOut && sawIn)
            {
                twoWay++;
                recent += last >= recentSince ? 1 : 0;
            }

            start = i;
        }

        TwoWayConversations = twoWay;
        RecentTwoWayConversations = recent;
        MedianReplyTime = latencies.Count == 0 ? null : TimeSpan.FromMinutes(Median(latencies));
    }

    /// <summary>The median gap between days with direct contact; null with fewer than three such days.</summary>
    public TimeSpan? UsualGap()
    {
        directContactDays.Sort();
        var gaps = new List<double>();
        for (var i = 1; i < directContactDays.Count; i++)
        {
            if (directContactDays[i] != directContactDays[i - 1])
            {
                gaps.Add(directContactDays[i] - directContactDays[i - 1]);
            }
        }

        if (gaps.Count < 2)
        {
            return null;
        }

        return TimeSpan.FromDays(Median(gaps));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value >= candidate ? value : candidate;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : Later(a, b.Value);

    // The name seen last wins (ties: the ordinal smallest), so a changed display name shows up.
    private void RememberName(in Interaction interaction)
    {
        // An older spelling never wins: that test first, since it is cheaper than looking at the name.
        if (interaction.At < nameSeenAt || string.IsNullOrWhiteSpace(interaction.ContactName))
        {
            return;
        }

        if (interaction.At > nameSeenAt || (interaction.At == nameSeenAt && string.CompareOrdinal(interaction.ContactName, DisplayName) < 0))
        {
            DisplayName = interaction.ContactName;
            nameSeenAt = interaction.At;
        }
    }

    /// <summary>
    /// Mail without conversation ids still shows a two-way tie: weeks in which a message was answered
    /// (the other side wrote within 14 days of it) count like two-way threads do.
    /// </summary>
    private int AnsweredWeeks()
    {
        unthreaded.Sort(static (x, y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Outbound.CompareTo(y.Outbound));
        var weeks = new HashSet<long>();
        long lastOut = long.MinValue, lastIn = long.MinValue;
        var window = ScoringRules.AnswerWindow.Ticks;
        foreach (var (at, outbound) in unthreaded)
        {
            var answered = outbound ? lastIn != long.MinValue && at - lastIn <= window : lastOut != long.MinValue && at - lastOut <= window;
            if (answered)
            {
                weeks.Add(at / TimeSpan.TicksPerDay / 7);
            }

            if (outbound)
            {
                lastOut = at;
            }
            else
            {
                lastIn = at;
            }
        }

        return weeks.Count;
    }

    private void Thread(in Interaction interaction, bool outbound)
    {
        if (interaction.ConversationId is not { } conversation)
        {
            unthreaded.Add((interaction.At.UtcTicks, outbound));
            return;
        }

        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(conversations, conversation, out var known);
        if (!known)
        {
            number = conversations.Count - 1;
        }

        threadEvents.Add((number, interaction.At.UtcTicks, outbound));
    }
}
