namespace NetworkSync.DemoData.Truth;

/// <summary>What the generated mailbox actually contains for one contact, measured after generation.</summary>
internal sealed class ContactActivity
{
    private readonly HashSet<string> _inboundConversations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outboundConversations = new(StringComparer.Ordinal);
    private readonly SortedSet<DateOnly> _contactDays = [];

    public DateTimeOffset? LastContact { get; private set; }

    public int MeetingsTogether { get; private set; }

    /// <summary>Conversations in which both the owner and the contact wrote.</summary>
    public int TwoWayConversations => _inboundConversations.Count(_outboundConversations.Contains);

    public void RecordInbound(string conversationId, DateTimeOffset sent)
    {
        _inboundConversations.Add(conversationId);
        Touch(sent);
    }

    public void RecordOutbound(string conversationId, DateTimeOffset sent)
    {
        _outboundConversations.Add(conversationId);
        Touch(sent);
    }

    public void RecordMeeting(DateTimeOffset start)
    {
        MeetingsTogether++;
        Touch(start);
    }

    /// <summary>The median number of days between consecutive days of contact, or null with fewer than three such days.</summary>
    public double? MedianGapDays()
    {
        if (_contactDays.Count < 3)
        {
            return null;
        }

        var gaps = _contactDays.Zip(_contactDays.Skip(1), (earlier, later) => later.DayNumber - earlier.DayNumber).Order().ToList();
        var middle = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2.0;
    }

    private void Touch(DateTimeOffset instant)
    {
        _contactDays.Add(DateOnly.FromDateTime(instant.UtcDateTime));
        if (LastContact is null || instant > LastContact)
        {
            LastContact = instant;
        }
    }
}
