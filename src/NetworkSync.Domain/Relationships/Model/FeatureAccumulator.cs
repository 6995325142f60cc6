using System.Numerics;
using System.Runtime.InteropServices;

namespace NetworkSync.Domain.Relationships.Model;

/// <summary>
/// Gathers one person's <see cref="WarmthFeature"/>s from their interactions at or before a reference
/// time, in one pass. Sums are kept in fixed-point units and the rest are maxima and sets, so the
/// result never depends on the order interactions arrive in.
/// </summary>
public sealed class FeatureAccumulator : IInteractionSink
{
    private const double Unit = 1e-9;

    /// <summary>Mail or meetings with more people than this (as for meetings, see <see cref="InteractionExtractor"/>) are crowds.</summary>
    private const int LargestDirectAudience = InteractionExtractor.LargestDirectMeeting;
    // Decay rates (ln 2 / half-life in days) of the decayed counts. Mail uses all four half-lives,
    // meetings the last three and weak ties 30 and 365 days, so each interaction computes each decay
    // factor it needs once (at most four exponentials) and every sum reuses it.
    private static readonly double Rate7 = Math.Log(2) / 7;
    private static readonly double Rate30 = Math.Log(2) / 30;
    private static readonly double Rate90 = Math.Log(2) / 90;
    private static readonly double Rate365 = Math.Log(2) / 365;

    private readonly DateTimeOffset asOf;
    private readonly long[] sent = new long[4];
    private readonly long[] received = new long[4];
    private readonly long[] met = new long[3];
    private readonly long[] copied = new long[2];
    private readonly long[] focused = new long[2];
    private readonly List<long> directDays;
    private readonly Dictionary<string, (bool Out, bool In, long Last)> threads = new(StringComparer.Ordinal);
    private long lastSent = long.MinValue;
    private long lastReceived = long.MinValue;
    private long lastMet = long.MinValue;
    private long lastAny = long.MinValue;
    private long lastDirect = long.MinValue;

    /// <param name="expected">How many interactions will be added, at most (sizes the list of contact days once).</param>
    public FeatureAccumulator(DateTimeOffset asOf, int expected = 0)
    {
        this.asOf = asOf;
        directDays = new List<long>(expected);
    }

    /// <summary>Mail the owner sent them in the 90 days before the reference time.</summary>
    public int SentLast90Days { get; private set; }

    /// <summary>Mail they sent the owner directly in the 90 days before the reference time.</summary>
    public int ReceivedLast90Days { get; private set; }

    /// <summary>Messages both were copied on, list mail and crowd meetings, in the 365 days before the reference time.</summary>
    public int CopiedLastYear { get; private set; }

    /// <summary>Direct interactions in total.</summary>
    public int Direct { get; private set; }

    /// <summary>Adds one interaction; those after the reference time are ignored.</summary>
    public void Add(in Interaction interaction)
    {
        if (interaction.At > asOf)
        {
            return;
        }

        var ticks = interaction.At.UtcTicks;
        var ageDays = (asOf - interaction.At).TotalDays;
        var recent90 = ageDays <= 90;
        var role = RoleWeight(interaction.Role);

        // Every kind of interaction adds to a 30- and a 365-day sum (copied, or focused and its own).
        var d30 = Math.Exp(-ageDays * Rate30);
        var d365 = Math.Exp(-ageDays * Rate365);
        if (interaction.AudienceSize > LargestDirectAudience)
        {
            // A blast to hundreds is not contact with each of them, whoever sent it: a weak tie shared
            // out over the audience, and no "last in touch".
            AddWeak(copied, role / Math.Sqrt(interaction.AudienceSize), d30, d365);
            CopiedLastYear += ageDays <= 365 ? 1 : 0;
            return;
        }

        lastAny = Math.Max(lastAny, ticks);
        switch (interaction.Direction)
        {
            case InteractionDirection.Outbound:
                AddMail(sent, role, Math.Exp(-ageDays * Rate7), d30, Math.Exp(-ageDays * Rate90), d365);
                lastSent = Math.Max(lastSent, ticks);
                SentLast90Days += recent90 ? 1 : 0;
                DirectContact(interaction, ticks, role, d30, d365);
                Thread(interaction, ticks, outbound: true);
                break;
            case InteractionDirection.Inbound when interaction.Direct:
                AddMail(received, role, Math.Exp(-ageDays * Rate7), d30, Math.Exp(-ageDays * Rate90), d365);
                lastReceived = Math.Max(lastReceived, ticks);
                ReceivedLast90Days += recent90 ? 1 : 0;
                DirectContact(interaction, ticks, role, d30, d365);
                Thread(interaction, ticks, outbound: false);
                break;
            case InteractionDirection.Meeting when interaction.Direct:
                met[0] += Units(role, d30);
                met[1] += Units(role, Math.Exp(-ageDays * Rate90));
                met[2] += Units(role, d365);
                lastMet = Math.Max(lastMet, ticks);
                DirectContact(interaction, ticks, role, d30, d365);
                break;
            default:
                // Copied together, list mail, crowd meetings: weak ties.
                AddWeak(copied, role, d30, d365);
                CopiedLastYear += ageDays <= 365 ? 1 : 0;
                break;
        }
    }

    /// <summary>The features at the reference time.</summary>
    public double[] Features()
    {
        var at = asOf;
        var x = new double[WarmthFeatures.Count];
        for (var k = 0; k < 4; k++)
        {
            x[(int)WarmthFeature.Sent7 + k] = Log(sent[k]);
            x[(int)WarmthFeature.Received7 + k] = Log(received[k]);
        }

        for (var k = 0; k < 3; k++)
        {
            x[(int)WarmthFeature.Met30 + k] = Log(met[k]);
        }

        x[(int)WarmthFeature.Copied30] = Log(copied[0]);
        x[(int)WarmthFeature.Copied365] = Log(copied[1]);
        x[(int)WarmthFeature.Focused30] = Log(focused[0]);
        x[(int)WarmthFeature.Focused365] = Log(focused[1]);
        x[(int)WarmthFeature.RecentSent] = Recent(lastSent, at, 30);
        x[(int)WarmthFeature.RecentReceived] = Recent(lastReceived, at, 30);
        x[(int)WarmthFeature.RecentMet] = Recent(lastMet, at, 30);
        x[(int)WarmthFeature.RecentAny] = Recent(lastAny, at, 14);
        x[(int)WarmthFeature.RecentDirectLong] = Recent(lastDirect, at, 180);
        x[(int)WarmthFeature.ActiveWeeks] = ActiveWeeks(at) / 13.0;
        x[(int)WarmthFeature.ActiveMonths] = ActiveMonths(at) / 12.0;
        x[(int)WarmthFeature.Reciprocity90] = Math.Log(1 + (Math.Min(sent[2], received[2] + met[1]) * Unit));
        x[(int)WarmthFeature.Reciprocity365] = Math.Log(1 + (Math.Min(sent[3], received[3] + met[2]) * Unit));
        x[(int)WarmthFeature.TwoWayThreads] = Math.Log(1 + (TwoWayThreadUnits(at) * Unit));
        return x;
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

    // weight × decay in fixed-point units, rounded: each term is rounded on its own, so sums commute.
    private static long Units(double weight, double decay) => (long)Math.Round(weight * decay / Unit);

    private static void AddMail(long[] sums, double weight, double d7, double d30, double d90, double d365)
    {
        sums[0] += Units(weight, d7);
        sums[1] += Units(weight, d30);
        sums[2] += Units(weight, d90);
        sums[3] += Units(weight, d365);
    }

    private static void AddWeak(long[] sums, double weight, double d30, double d365)
    {
        sums[0] += Units(weight, d30);
        sums[1] += Units(weight, d365);
    }

    private static double Log(long units) => Math.Log(1 + (units * Unit));

    private static double Recent(long lastTicks, DateTimeOffset at, double halfLifeDays)
    {
        if (lastTicks == long.MinValue)
        {
            return 0;
        }

        var days = Math.Max(0, TimeSpan.FromTicks(Math.Max(0, at.UtcTicks - lastTicks)).TotalDays);
        return Math.Pow(0.5, days / halfLifeDays);
    }

    private void DirectContact(in Interaction interaction, long ticks, double role, double d30, double d365)
    {
        Direct++;
        lastDirect = Math.Max(lastDirect, ticks);
        directDays.Add(ticks / TimeSpan.TicksPerDay);
        AddWeak(focused, role / Math.Max(1, interaction.AudienceSize), d30, d365);
    }

    private void Thread(in Interaction interaction, long ticks, bool outbound)
    {
        if (interaction.ConversationId is not { } conversation)
        {
            return;
        }

        // One hash lookup per interaction: the entry is updated in place.
        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(threads, conversation, out _);
        seen = (seen.Out || outbound, seen.In || !outbound, Math.Max(seen.Last, ticks));
    }

    // Weeks and months are fixed calendar buckets, so as time passes they only leave the window. Each
    // of the 13 weeks (12 months) is one bit: no set, and no calendar date per day of contact.
    private int ActiveWeeks(DateTimeOffset at)
    {
        var thisWeek = (at.UtcTicks / TimeSpan.TicksPerDay) / 7;
        var weeks = 0;
        foreach (var day in directDays)
        {
            var back = thisWeek - (day / 7);
            if (back is >= 0 and < 13)
            {
                weeks |= 1 << (int)back;
            }
        }

        return BitOperations.PopCount((uint)weeks);
    }

    private int ActiveMonths(DateTimeOffset at)
    {
        // starts[k] is the first day of the k-th month back (0: this month); the window ends with this month.
        var thisMonth = new DateTime(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        Span<long> starts = stackalloc long[12];
        for (var k = 0; k < 12; k++)
        {
            starts[k] = thisMonth.AddMonths(-k).Ticks / TimeSpan.TicksPerDay;
        }

        var end = thisMonth.AddMonths(1).Ticks / TimeSpan.TicksPerDay;
        var months = 0;
        foreach (var day in directDays)
        {
            if (day >= end || day < starts[11])
            {
                continue;
            }

            var back = 0;
            while (day < starts[back])
            {
                back++;
            }

            months |= 1 << back;
        }

        return BitOperations.PopCount((uint)months);
    }

    private long TwoWayThreadUnits(DateTimeOffset at)
    {
        long units = 0;
        foreach (var (_, thread) in threads)
        {
            if (thread.Out && thread.In)
            {
                var days = Math.Max(0, TimeSpan.FromTicks(Math.Max(0, at.UtcTicks - thread.Last)).TotalDays);
                units += (long)Math.Round(Math.Pow(0.5, days / 90) / Unit);
            }
        }

        return units;
    }
}
