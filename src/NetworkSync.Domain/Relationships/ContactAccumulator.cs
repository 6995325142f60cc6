namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Everything one contact's interactions add up to, gathered in one pass. Additions commute: the
/// score is summed in fixed-point units and names are chosen by a total order, so the result never
/// depends on the order interactions arrive in.
/// </summary>
internal sealed class ContactAccumulator
{
    private const double ScoreUnit = 1e-12;

    private readonly List<(string Conversation, long At, bool Outbound)> threadEvents = [];
    private readonly List<long> directContactDays = [];
    private long scoreUnits;
    private DateTimeOffset nameSeenAt = DateTimeOffset.MinValue;

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

    public double Score => scoreUnits * ScoreUnit;

    /// <summary>Conversations in which both sides wrote directly (set by <see cref="Finish"/>).</summary>
    public int TwoWayConversations { get; private set; }

    /// <summary>Two-way conversations active in the 90 days before the evaluation time (set by <see cref="Finish"/>).</summary>
    public int RecentTwoWayConversations { get; private set; }

    /// <summary>The median time the owner took to answer this contact in a thread; null without answers (set by <see cref="Finish"/>).</summary>
    public TimeSpan? MedianReplyTime { get; private set; }

    public void Add(Interaction interaction, DateTimeOffset asOf, TimeSpan halfLife)
    {
        RememberName(interaction);
        double weight;
        switch (interaction.Direction)
        {
            case InteractionDirection.Outbound:
                Sent++;
                LastOutbound = Later(LastOutbound, interaction.At);
                Thread(interaction, outbound: true);
                directContactDays.Add(interaction.At.UtcTicks / TimeSpan.TicksPerDay);
                weight = 1.5;
                break;
            case InteractionDirection.Inbound:
                Received++;
                if (interaction.Direct)
                {
                    LastInbound = Later(LastInbound, interaction.At);
                    Thread(interaction, outbound: false);
                    directContactDays.Add(interaction.At.UtcTicks / TimeSpan.TicksPerDay);
                }

                weight = 1.0;
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

                    if (asOf - interaction.At <= TimeSpan.FromDays(90))
                    {
                        MeetingsLast90Days++;
                    }
                }

                weight = 2.0;
                break;
        }

        var ageDays = Math.Max(0, (asOf - interaction.At).TotalDays);
        var contribution = weight * RoleWeight(interaction.Role) * Math.Pow(0.5, ageDays / halfLife.TotalDays) / Math.Sqrt(Math.Max(1, interaction.AudienceSize));
        scoreUnits += (long)Math.Round(contribution / ScoreUnit);
    }

    /// <summary>
    /// Works out the thread figures in one pass over the thread events sorted by conversation, then
    /// time (inbound first on a tie), pairing each answer with the mail it answered.
    /// </summary>
    public void Finish(DateTimeOffset asOf)
    {
        threadEvents.Sort(static (x, y) =>
        {
            var byThread = string.CompareOrdinal(x.Conversation, y.Conversation);
            return byThread != 0 ? byThread : x.At != y.At ? x.At.CompareTo(y.At) : x.Outbound.CompareTo(y.Outbound);
        });
        var recentSince = (asOf - TimeSpan.FromDays(90)).UtcTicks;
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
            for (; i < threadEvents.Count && string.Equals(threadEvents[i].Conversation, conversation, StringComparison.Ordinal); i++)
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

    /// <summary>
    /// The relationship's steadiness: how many of the twelve months before <paramref name="asOf"/> saw
    /// direct contact. It only grows with contact and only shrinks as time passes.
    /// </summary>
    public int ActiveMonthsInLastYear(DateTimeOffset asOf)
    {
        var since = (asOf - TimeSpan.FromDays(365)).UtcTicks / TimeSpan.TicksPerDay;
        var until = asOf.UtcTicks / TimeSpan.TicksPerDay;
        var months = new HashSet<int>();
        foreach (var day in directContactDays)
        {
            if (day > since && day <= until)
            {
                var date = new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Utc);
                months.Add((date.Year * 12) + date.Month);
            }
        }

        return months.Count;
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

    // Being named in To says more than being copied; a tentative "maybe" less than an acceptance.
    private static double RoleWeight(InteractionRole role) => role switch
    {
        InteractionRole.Cc => 0.6,
        InteractionRole.Bcc => 0.4,
        InteractionRole.NotAddressed => 0.3,
        InteractionRole.Tentative => 0.7,
        _ => 1.0,
    };

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value >= candidate ? value : candidate;

    // The name seen last wins (ties: the ordinal smallest), so a changed display name shows up.
    private void RememberName(Interaction interaction)
    {
        if (string.IsNullOrWhiteSpace(interaction.ContactName))
        {
            return;
        }

        if (interaction.At > nameSeenAt || (interaction.At == nameSeenAt && string.CompareOrdinal(interaction.ContactName, DisplayName) < 0))
        {
            DisplayName = interaction.ContactName;
            nameSeenAt = interaction.At;
        }
    }

    private void Thread(Interaction interaction, bool outbound)
    {
        if (interaction.ConversationId is not { } conversation)
        {
            return;
        }

        threadEvents.Add((conversation, interaction.At.UtcTicks, outbound));
    }
}
