using System.Globalization;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// The plain-words reasons shown beside a warmth score, most telling first (at most three): a long
/// silence first, then the model's two largest contributions in words, then what else stands out.
/// </summary>
internal static class WarmthReasons
{
    public static IReadOnlyList<string> For(
        ContactAccumulator a,
        IReadOnlyList<(WarmthSignal Signal, double Contribution)> contributions,
        DateTimeOffset asOf,
        DateTimeOffset? lastContact,
        TimeSpan? usualGap)
    {
        var reasons = new List<string>(6);
        foreach (var (signal, _) in contributions.Take(2))
        {
            if (Words(signal, a, asOf, lastContact) is { } words)
            {
                reasons.Add(words);
            }
        }

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

        return reasons.Distinct(StringComparer.Ordinal).Take(3).ToList();
    }

    private static string? Words(WarmthSignal signal, ContactAccumulator a, DateTimeOffset asOf, DateTimeOffset? lastContact) => signal switch
    {
        WarmthSignal.YouWrite when a.Features.SentLast90Days > 0 => Times("you wrote to them", a.Features.SentLast90Days, "in the last 90 days"),
        WarmthSignal.TheyWrite when a.Features.ReceivedLast90Days > 0 => Times("they wrote to you", a.Features.ReceivedLast90Days, "in the last 90 days"),
        WarmthSignal.Meetings when a.MeetingsLast90Days > 0 => a.MeetingsLast90Days == 1 ? "1 meeting together in the last 90 days" : $"{a.MeetingsLast90Days} meetings together in the last 90 days",
        WarmthSignal.CopiedTogether when a.Features.CopiedLastYear > 0 => a.Features.CopiedLastYear == 1 ? "copied together on 1 message in the last year" : $"copied together on {a.Features.CopiedLastYear} messages in the last year",
        WarmthSignal.OneToOne => "mostly one-to-one",
        WarmthSignal.Recency when lastContact is { } last && asOf - last <= TimeSpan.FromDays(60) => "last in touch " + Ago(asOf - last),
        WarmthSignal.TwoWay when a.RecentTwoWayConversations > 0 => a.RecentTwoWayConversations == 1 ? "1 two-way thread in the last 90 days" : $"{a.RecentTwoWayConversations} two-way threads in the last 90 days",
        WarmthSignal.TwoWay when a.Sent > 0 && (a.Received > 0 || a.Meetings > 0) => "you both write",
        _ => null,
    };

    private static string Times(string what, int count, string when) => count == 1 ? $"{what} once {when}" : $"{what} {count} times {when}";

    private static string Ago(TimeSpan span) => span < TimeSpan.FromDays(1) ? "today"
        : span < TimeSpan.FromDays(2) ? "yesterday"
        : $"{Math.Floor(span.TotalDays).ToString(CultureInfo.InvariantCulture)} days ago";

    private static string Day(DateTimeOffset at, DateTimeOffset asOf) =>
        at.UtcDateTime.ToString(at.Year == asOf.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Months(TimeSpan silence)
    {
        var months = (int)Math.Round(silence.TotalDays / 30.44);
        return months <= 1 ? "a month" : $"{months} months";
    }
}
