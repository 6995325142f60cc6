namespace NetworkSync.DemoData.Cast;

/// <summary>How many correspondents of each kind a mailbox of a given size has.</summary>
/// <remarks>Shares follow a typical knowledge worker: about 30% colleagues, 18% clients, 15% one-off acquaintances, the rest friends, fading ties, one-way correspondents and noise.</remarks>
internal sealed record RosterComposition(
    int Colleagues,
    int Clients,
    int Friends,
    int FormerColleagues,
    int Acquaintances,
    int UnansweredInbound,
    int UnansweredOutbound,
    int Newsletters,
    int NotificationBots,
    int DistributionLists,
    int BulkSenders)
{
    /// <summary>The smallest roster that still holds every kind and the recurring-meeting roles.</summary>
    public const int MinimumContacts = 40;

    public int Total =>
        Colleagues + Clients + Friends + FormerColleagues + Acquaintances + UnansweredInbound + UnansweredOutbound
        + Newsletters + NotificationBots + DistributionLists + BulkSenders;

    public static RosterComposition For(int contacts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contacts, MinimumContacts);
        int Share(double fraction, int minimum) => Math.Max(minimum, (int)Math.Round(contacts * fraction));

        var clients = Share(0.18, 4);
        var friends = Share(0.09, 2);
        var former = Share(0.06, 2);
        var acquaintances = Share(0.15, 2);
        var unansweredInbound = Share(0.05, 1);
        var unansweredOutbound = Share(0.04, 1);
        // Noise senders come from fixed pools; a big roster gets more colleagues rather than made-up newsletters.
        var newsletters = Math.Min(Share(0.07, 1), NamePools.Newsletters.Length);
        var bots = Math.Min(Share(0.06, 1), NamePools.NotificationBots.Length);
        var lists = contacts >= 100 ? 2 : 1;
        var bulk = contacts >= 200 ? 2 : 1;
        var colleagues = contacts - (clients + friends + former + acquaintances + unansweredInbound + unansweredOutbound
                                     + newsletters + bots + lists + bulk);
        return new RosterComposition(
            colleagues, clients, friends, former, acquaintances, unansweredInbound, unansweredOutbound, newsletters, bots, lists, bulk);
    }
}
