using System.Globalization;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// Finds who in the owner's network can introduce them to a target, from metadata only
/// (docs/relationship-model.md, "Warm paths"). Evidence of a tie between an introducer and the target: messages
/// naming both, meetings with both, and threads where the introducer was the first to bring the target in. The tie
/// strength saturates (many shared messages beat one, a hundred barely beat thirty), and the ranking weighs it by
/// the owner's own warmth with the introducer, so a hot contact copied once does not beat someone who works with
/// the target every week. The owner, automated senders, lists, muted and excluded people are never introducers.
/// </summary>
public static class IntroductionFinder
{
    // A shared message adds 1 (decayed), one the introducer sent another 1, a meeting 1.5 and bringing the
    // target into a thread 2; the tie is 1 - e^(-strength / 6): one message ≈ 0.15, five ≈ 0.57, ten ≈ 0.81.
    private const double FromIntroducerWeight = 1;
    private const double MeetingWeight = 1.5;
    private const double BroughtInWeight = 2;
    private const double TieScale = 6;

    // Even a cold introducer with a strong tie is a path, and the owner's warmth can at most double a tie's
    // rank: whoever works with the target every week beats a hot contact who was copied with them once.
    private const double WarmthFloor = 0.5;

    /// <summary>The warm paths to <paramref name="target"/>, best first (<see cref="IntroductionIndex"/> once, for one question).</summary>
    public static IReadOnlyList<WarmPath> Find(
        string target,
        MailboxIdentity owner,
        IReadOnlyList<MessageMetadata> messages,
        IReadOnlyList<EventMetadata> events,
        IReadOnlyList<ContactSummary> contacts,
        DateTimeOffset asOf,
        IntroductionOptions options) =>
        IntroductionIndex.Build(owner, messages, events, contacts, asOf, options).Find(target);

    internal static double MeetingWeightOf(double decay) => decay * MeetingWeight;

    internal static double BroughtInWeightOf(double decay) => decay * BroughtInWeight;

    /// <summary>Ranks the ties collected for one target (see the class summary for the weights).</summary>
    internal static List<WarmPath> Rank(Dictionary<string, TieAccumulator> ties, PersonLookup people, IntroductionOptions options)
    {
        var paths = new List<WarmPath>();
        foreach (var (key, tie) in ties)
        {
            // Someone the listing does not know (never a correspondent, or forgotten) is no path.
            if (people.SummaryOf(key) is not { } contact || !MayIntroduce(contact, options))
            {
                continue;
            }

            var evidence = tie.ToEvidence(FromIntroducerWeight);
            var strength = 1 - Math.Exp(-evidence.Strength / TieScale);
            var score = strength * (WarmthFloor + ((1 - WarmthFloor) * contact.Probability));
            paths.Add(new WarmPath(contact.Address, contact.DisplayName, contact.Warmth, contact.Tier, score, evidence, Explain(contact, evidence, tie)));
        }

        return paths
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Address, StringComparer.Ordinal)
            .Take(options.MaxResults)
            .ToList();
    }

    private static bool MayIntroduce(ContactSummary contact, IntroductionOptions options)
    {
        if (contact.Automated || AutomatedSenderClassifier.LooksAutomated(contact.Address))
        {
            return false;
        }

        var addresses = contact.OtherAddresses.Prepend(contact.Address);
        return !addresses.Any(a => (options.Muted?.Contains(a) ?? false) || (options.Excluded?.Contains(a) ?? false));
    }

    // "Ana Abe (hot) has copied them on 5 messages since March 2026"
    private static string Explain(ContactSummary contact, TieEvidence evidence, TieAccumulator tie)
    {
        var who = $"{contact.DisplayName ?? contact.Address} ({contact.Tier})";
        var meetings = evidence.SharedMeetings > 0 ? $" and {Plural(evidence.SharedMeetings, "meeting")}" : string.Empty;
        if (evidence.BroughtIn > 0)
        {
            return $"{who} brought them into {Plural(evidence.BroughtIn, "thread")} and has been on {Plural(evidence.SharedMessages, "message")}{meetings} with them since {Month(evidence.FirstTogether)}";
        }

        if (evidence.FromIntroducer > 0)
        {
            return $"{who} has copied them on {Plural(evidence.FromIntroducer, "message")} since {Month(tie.FirstFromIntroducer)}{(evidence.SharedMeetings > 0 ? $", and met them {Plural(evidence.SharedMeetings, "time")}" : string.Empty)}";
        }

        if (evidence.SharedMessages == 0)
        {
            return $"{who} met them {Plural(evidence.SharedMeetings, "time")}, last in {Month(evidence.LastTogether)}";
        }

        return $"{who} has been on {Plural(evidence.SharedMessages, "message")}{meetings} with them since {Month(evidence.FirstTogether)}";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
