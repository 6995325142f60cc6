namespace NetworkSync.DemoData.Cast;

/// <summary>
/// How tie strength turns into behaviour. Every function increases with strength, so a warmth model that counts
/// recency-weighted, reciprocated, one-to-one exchanges recovers the planted order.
/// </summary>
internal static class TieBehaviour
{
    private const double AverageDaysPerMonth = 30.44;

    /// <summary>Conversations per month: from one every five months for the faintest ties to six a month for the closest.</summary>
    public static double ThreadsPerMonth(double strength) => 0.2 + (6.0 * strength * strength);

    /// <summary>The tie's usual gap between conversations: its rhythm.</summary>
    public static TimeSpan TypicalGap(double strength) => TimeSpan.FromDays(AverageDaysPerMonth / ThreadsPerMonth(strength));

    /// <summary>Share of conversations that are one-to-one rather than with a group.</summary>
    public static double OneToOneShare(double strength) => 0.2 + (0.7 * strength);

    /// <summary>Chance the contact answers a message the owner sent.</summary>
    public static double ContactReplyChance(double strength) => 0.3 + (0.65 * strength);

    /// <summary>Chance the owner answers a message the contact sent.</summary>
    public static double OwnerReplyChance(double strength) => 0.4 + (0.55 * strength);

    /// <summary>Chance a conversation goes on after its first reply.</summary>
    public static double ContinuationChance(double strength) => 0.15 + (0.5 * strength);

    /// <summary>Median time to reply: about a day and a quarter for faint ties, under half an hour for close ones.</summary>
    public static TimeSpan MedianReplyLatency(double strength) =>
        TimeSpan.FromHours(Math.Exp(Math.Log(30) + ((Math.Log(0.4) - Math.Log(30)) * strength)));

    /// <summary>One-off meetings per month with this person (recurring series come on top for a few roles).</summary>
    public static double MeetingsPerMonth(ContactKind kind, double strength) => kind switch
    {
        ContactKind.Colleague => 0.05 + (0.6 * strength * strength),
        ContactKind.Client => 0.05 + (0.5 * strength * strength),
        ContactKind.Friend => 0.03 + (0.3 * strength * strength),
        ContactKind.FormerColleague => 0.03 + (0.4 * strength * strength),
        _ => 0,
    };
}
