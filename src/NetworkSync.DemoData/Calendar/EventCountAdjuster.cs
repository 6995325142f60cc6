using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Calendar;

/// <summary>
/// Brings the number of calendar instances to an exact target: extra one-off meetings with active contacts, or
/// removal of ordinary meetings first, so the showcase events (series exceptions, town halls, all-day) survive.
/// </summary>
internal static class EventCountAdjuster
{
    public static void Adjust(List<GeneratedEvent> events, int target, DemoCast cast, MeetingFactory meetings, MailboxPeriod period, SeededRandom random)
    {
        if (events.Count > target)
        {
            Trim(events, events.Count - target, random);
        }

        var rhythmic = cast.Contacts.Where(contact => contact.Kind.HasRhythm()).ToList();
        var weights = rhythmic.Select(contact => contact.PeakStrength + 0.05).ToList();
        var attempts = 0;
        while (events.Count < target)
        {
            var contact = rhythmic[random.PickWeighted(weights)];
            var around = random.Between(period.Start, period.CalendarHorizon);
            var active = contact.IsActiveAt(around) || (contact.ActiveUntil >= period.AsOf && around >= period.AsOf);
            // Extra meetings respect each tie's active window so planted cold ties stay cold; a fallback keeps this finite.
            if (active || ++attempts > 100_000)
            {
                events.Add(meetings.Meeting(contact, around, random));
            }
        }
    }

    private static void Trim(List<GeneratedEvent> events, int excess, SeededRandom random)
    {
        var ordinary = new List<int>();
        var showcase = new List<int>();
        for (var index = 0; index < events.Count; index++)
        {
            (events[index].IsShowcase ? showcase : ordinary).Add(index);
        }

        var doomed = random.Sample(ordinary, excess);
        if (doomed.Count < excess)
        {
            doomed.AddRange(random.Sample(showcase, excess - doomed.Count));
        }

        var removal = new bool[events.Count];
        foreach (var index in doomed)
        {
            removal[index] = true;
        }

        var kept = 0;
        for (var index = 0; index < events.Count; index++)
        {
            if (!removal[index])
            {
                events[kept++] = events[index];
            }
        }

        events.RemoveRange(kept, events.Count - kept);
    }
}
