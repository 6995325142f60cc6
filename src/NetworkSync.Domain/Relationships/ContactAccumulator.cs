namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Everything one contact's interactions add up to, gathered in one pass. Additions commute: the
/// score is summed in fixed-point units and names are chosen by a total order, so the result never
/// depends on the order interactions arrive in.
/// </summary>
internal sealed class ContactAccumulator
{
    private const double ScoreUnit = 1e-12;

    private readonly Dictionary<string, (DateTimeOffset LastOut, DateTimeOffset LastIn)> threads = new(StringComparer.Ordinal);
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
        var contribution = weight * Math.Pow(0.5, ageDays / halfLife.TotalDays) / Math.Sqrt(Math.Max(1, interaction.AudienceSize));
        scoreUnits += (long)Math.Round(contribution / ScoreUnit);
    }

    /// <summary>Conversations in which both sides wrote directly (optionally only those active since a time).</summary>
    public int TwoWayConversations(DateTimeOffset? activeSince = null)
    {
        var count = 0;
        foreach (var (lastOut, lastIn) in threads.Values)
        {
            if (lastOut != default && lastIn != default && (activeSince is null || (lastOut > lastIn ? lastOut : lastIn) >= activeSince))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The median time the owner took to answer this contact within a thread; null without answers.</summary>
    public TimeSpan? MedianReplyTime()
    {
        if (threadEvents.Count < 2)
        {
            return null;
        }

        // Sorted by thread, then time (inbound first on a tie): one pass pairs each answer with the mail it answered.
        threadEvents.Sort(static (x, y) =>
        {
            var byThread = string.CompareOrdinal(x.Conversation, y.Conversation);
            return byThread != 0 ? byThread : x.At != y.At ? x.At.CompareTo(y.At) : x.Outbound.CompareTo(y.Outbound);
        });
        var latencies = new List<double>();
        string? thread = null;
        long? waitingSince = null;
        foreach (var (conversation, at, outbound) in threadEvents)
        {
            if (!string.Equals(conversation, thread, StringComparison.Ordinal))
            {
                thread = conversation;
                waitingSince = null;
            }

            if (!outbound)
            {
                waitingSince ??= at;
            }
            else if (waitingSince is { } since)
            {
                latencies.Add(TimeSpan.FromTicks(at - since).TotalMinutes);
                waitingSince = null;
            }
        }

        return latencies.Count == 0 ? null : TimeSpan.FromMinutes(Median(latencies));
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

        threads.TryGetValue(conversation, out var seen);
        threads[conversation] = outbound
            ? (Later(seen.LastOut == default ? null : seen.LastOut, interaction.At), seen.LastIn)
            : (seen.LastOut, Later(seen.LastIn == default ? null : seen.LastIn, interaction.At));
        threadEvents.Add((conversation, interaction.At.UtcTicks, outbound));
    }
}
