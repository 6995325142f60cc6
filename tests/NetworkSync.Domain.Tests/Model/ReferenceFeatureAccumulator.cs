using System.Runtime.InteropServices;

using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Tests.Model;

/// <summary>
/// The straightforward version of <see cref="FeatureAccumulator"/> as it stood before it was made
/// cheaper (an exponential per half-life per use, hash sets for weeks and months): the reference the
/// faster one must match exactly.
/// </summary>
internal sealed class ReferenceFeatureAccumulator
{
    private const double Unit = 1e-9;

    /// <summary>Mail or meetings with more people than this (as for meetings, see <see cref="InteractionExtractor"/>) are crowds.</summary>
    private const int LargestDirectAudience = InteractionExtractor.LargestDirectMeeting;
    // Decay rates (ln 2 / half-life in days) of the decayed counts.
    private static readonly double[] MailRates = Rates(7, 30, 90, 365);
    private static readonly double[] MeetingRates = Rates(30, 90, 365);
    private static readonly double[] WeakRates = Rates(30, 365);

    private readonly DateTimeOffset asOf;
    private readonly long[] sent = new long[4];
    private readonly long[] received = new long[4];
    private readonly long[] met = new long[3];
    private readonly long[] copied = new long[2];
    private readonly long[] focused = new long[2];
    private readonly List<long> directDays = [];
    private readonly Dictionary<string, (bool Out, bool In, long Last)> threads = new(StringComparer.Ordinal);
    private long lastSent = long.MinValue;
    private long lastReceived = long.MinValue;
    private long lastMet = long.MinValue;
    private long lastAny = long.MinValue;
    private long lastDirect = long.MinValue;

    public ReferenceFeatureAccumulator(DateTimeOffset asOf)
    {
        this.asOf = asOf;
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
        if (interaction.AudienceSize > LargestDirectAudience)
        {
            // A blast to hundreds is not contact with each of them, whoever sent it: a weak tie shared
            // out over the audience, and no "last in touch".
            AddDecayed(copied, WeakRates, ageDays, role / Math.Sqrt(interaction.AudienceSize));
            CopiedLastYear += ageDays <= 365 ? 1 : 0;
            return;
        }

        lastAny = Math.Max(lastAny, ticks);
        switch (interaction.Direction)
        {
            case InteractionDirection.Outbound:
                AddDecayed(sent, MailRates, ageDays, role);
                lastSent = Math.Max(lastSent, ticks);
                SentLast90Days += recent90 ? 1 : 0;
                DirectContact(interaction, ticks, ageDays, role);
                Thread(interaction, ticks, outbound: true);
                break;
            case InteractionDirection.Inbound when interaction.Direct:
                AddDecayed(received, MailRates, ageDays, role);
                lastReceived = Math.Max(lastReceived, ticks);
                ReceivedLast90Days += recent90 ? 1 : 0;
                DirectContact(interaction, ticks, ageDays, role);
                Thread(interaction, ticks, outbound: false);
                break;
            case InteractionDirection.Meeting when interaction.Direct:
                AddDecayed(met, MeetingRates, ageDays, role);
                lastMet = Math.Max(lastMet, ticks);
                DirectContact(interaction, ticks, ageDays, role);
                break;
            default:
                // Copied together, list mail, crowd meetings: weak ties.
                AddDecayed(copied, WeakRates, ageDays, role);
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

    private static double[] Rates(params double[] halfLives) => halfLives.Select(h => Math.Log(2) / h).ToArray();

    private static void AddDecayed(long[] sums, double[] rates, double ageDays, double weight)
    {
        for (var k = 0; k < sums.Length; k++)
        {
            sums[k] += (long)Math.Round(weight * Math.Exp(-ageDays * rates[k]) / Unit);
        }
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

    private void DirectContact(in Interaction interaction, long ticks, double ageDays, double role)
    {
        Direct++;
        lastDirect = Math.Max(lastDirect, ticks);
        directDays.Add(ticks / TimeSpan.TicksPerDay);
        AddDecayed(focused, WeakRates, ageDays, role / Math.Max(1, interaction.AudienceSize));
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

    // Weeks and months are fixed calendar buckets, so as time passes they only leave the window.
    private int ActiveWeeks(DateTimeOffset at)
    {
        var thisWeek = (at.UtcTicks / TimeSpan.TicksPerDay) / 7;
        var weeks = new HashSet<long>();
        foreach (var day in directDays)
        {
            var week = day / 7;
            if (week <= thisWeek && week > thisWeek - 13)
            {
                weeks.Add(week);
            }
        }

        return weeks.Count;
    }

    private int ActiveMonths(DateTimeOffset at)
    {
        var thisMonth = (at.UtcDateTime.Year * 12) + at.UtcDateTime.Month;
        var months = new HashSet<int>();
        foreach (var day in directDays)
        {
            var date = new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Utc);
            var month = (date.Year * 12) + date.Month;
            if (month <= thisMonth && month > thisMonth - 12)
            {
                months.Add(month);
            }
        }

        return months.Count;
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
