using NetworkSync.Application.FollowUps;

namespace NetworkSync.Application.Context;

/// <summary>A mailbox's open and snoozed follow-ups, looked up by contact address.</summary>
public sealed class ActiveFollowUps
{
    private readonly Dictionary<string, List<FollowUpView>> byContact = new(StringComparer.Ordinal);

    /// <param name="views">Open and snoozed follow-ups in the order the list shows them (soonest due first).</param>
    public ActiveFollowUps(IReadOnlyList<FollowUpView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        Count = views.Count;
        for (var position = 0; position < views.Count; position++)
        {
            foreach (var contact in views[position].Contacts.Distinct(StringComparer.Ordinal))
            {
                if (!byContact.TryGetValue(contact, out var list))
                {
                    list = [];
                    byContact.Add(contact, list);
                }

                list.Add(views[position]);
            }
        }
    }

    public static ActiveFollowUps None { get; } = new([]);

    public int Count { get; }

    /// <summary>The follow-ups naming any of <paramref name="addresses"/>, each once, soonest due first.</summary>
    public IReadOnlyList<FollowUpView> For(IReadOnlyList<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 1)
        {
            return byContact.TryGetValue(addresses[0], out var single) ? single : [];
        }

        var found = new List<FollowUpView>();
        foreach (var address in addresses)
        {
            if (byContact.TryGetValue(address, out var list))
            {
                found.AddRange(list.Where(v => !found.Any(f => f.Id == v.Id)));
            }
        }

        found.Sort(static (x, y) =>
        {
            var byDue = (x.SnoozedUntil ?? x.Due).CompareTo(y.SnoozedUntil ?? y.Due);
            return byDue != 0 ? byDue : string.CompareOrdinal(x.Id, y.Id);
        });
        return found;
    }
}
