using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

/// <summary>A seeded mailbox (namesakes, merges by evidence, threads, crowds, roles) and a digest of every field of its summaries.</summary>
internal static class SummaryDigest
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static List<Interaction> Mailbox(int seed, int count, int contacts)
    {
        var random = new Random(seed);
        var list = new List<Interaction>(count);
        for (var i = 0; i < count; i++)
        {
            var c = (int)(contacts * Math.Pow(random.NextDouble(), 2.5));
            var direction = (InteractionDirection)random.Next(4);
            var address = c % 50 == 7 ? $"p{c - 1}@other{c % 3}.example" : $"p{c}@co{c % 7}.example";
            list.Add(new Interaction(
                address,
                random.Next(20) == 0 ? null : $"First{c / 2} Last{c / 2 % 40}",
                direction,
                AsOf.AddMinutes(-random.Next(0, 800 * 24 * 60)),
                random.Next(12) == 0 ? random.Next(21, 300) : random.Next(1, 8),
                $"m{random.Next(count / 3)}",
                Direct: direction != InteractionDirection.CoRecipient && random.Next(7) != 0,
                ConversationId: random.Next(4) == 0 ? null : $"c{c}-{random.Next(25)}",
                Role: (InteractionRole)random.Next(7)));
        }

        return list;
    }

    public static string Of(IReadOnlyList<ContactSummary> summaries)
    {
        var text = new StringBuilder();
        foreach (var s in summaries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Address}|{s.DisplayName}|{s.Warmth:R}|{s.Probability:R}|{s.WarmthAtLastContact:R}|{s.Tier}|{string.Join(";", s.Reasons)}|{s.Cooling}|{s.UsualGap}|{s.LastContact:O}|{s.LastInbound:O}|{s.LastOutbound:O}|{s.LastMeeting:O}|{s.Dormant}|{s.Automated}|{s.CopiedOnly}|{s.Sent}|{s.Received}|{s.Meetings}|{string.Join(";", s.OtherAddresses)}|{string.Join(";", s.MergeReasons)}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
