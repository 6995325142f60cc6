using System.Globalization;

namespace NetworkSync.Domain.Relationships;

/// <summary>The plain-words reasons shown beside a warmth score, most telling first (at most three).</summary>
internal static class WarmthReasons
{
    public static IReadOnlyList<string> For(ContactAccumulator a, DateTimeOffset asOf, DateTimeOffset? lastContact, TimeSpan? usualGap)
    {
        var reasons = new List<string>(4);
        var twoWayRecent = a.RecentTwoWayConversations;
        if (twoWayRecent > 0)
        {
            reasons.Add(twoWayRecent == 1 ? "1 two-way thread in the last 90 days" : $"{twoWayRecent} two-way threads in the last 90 days");
        }

        if (a.LastOneOnOne is { } oneOnOne)
        {
            reasons.Add("last 1:1 meeting " + Day(oneOnOne, asOf));
        }
        else if (a.MeetingsLast90Days > 0)
        {
            reasons.Add(a.MeetingsLast90Days == 1 ? "1 meeting together in the last 90 days" : $"{a.MeetingsLast90Days} meetings together in the last 90 days");
        }

        if (a.MedianReplyTime is { } reply)
        {
            reasons.Add(reply < TimeSpan.FromHours(6) ? "you usually reply within hours"
                : reply < TimeSpan.FromHours(36) ? "you usually reply within a day"
                : $"you usually reply within {Math.Ceiling(reply.TotalDays).ToString(CultureInfo.InvariantCulture)} days");
        }

        if (a.Sent == 0 && a.Received > 0 && a.Meetings == 0)
        {
            reasons.Add("they write to you; you have not written back");
        }
        else if (a.Received == 0 && a.Sent > 0 && a.Meetings == 0)
        {
            reasons.Add("you write to them; no answer yet");
        }

        if (usualGap is { } gap && reasons.Count < 3)
        {
            reasons.Add(gap <= TimeSpan.FromDays(1.5) ? "you are in touch almost daily"
                : gap < TimeSpan.FromDays(14) ? $"you are usually in touch every {Math.Round(gap.TotalDays).ToString(CultureInfo.InvariantCulture)} days"
                : $"you are usually in touch every {Math.Round(gap.TotalDays / 7).ToString(CultureInfo.InvariantCulture)} weeks");
        }

        if (lastContact is { } last && asOf - last > TimeSpan.FromDays(60))
        {
            reasons.Insert(0, $"last spoke {Months(asOf - last)} ago");
        }

        return reasons.Take(3).ToList();
    }

    private static string Day(DateTimeOffset at, DateTimeOffset asOf) =>
        at.UtcDateTime.ToString(at.Year == asOf.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Months(TimeSpan silence)
    {
        var months = (int)Math.Round(silence.TotalDays / 30.44);
        return months <= 1 ? "a month" : $"{months} months";
    }
}
