using NetworkSync.Domain.Addresses;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Finds one person behind several addresses: addresses that carry the same full name (two words at
/// least, see <see cref="PersonNameKey"/>) are merged into the one most recently in direct contact,
/// as when a colleague moves to a new company or writes from a personal address. Robot addresses are
/// never merged, and a pair the user has kept apart stays apart.
/// </summary>
public static class IdentityResolver
{
    /// <summary>Maps each merged-away address to the address it was merged into; unmerged addresses are absent.</summary>
    public static Dictionary<string, string> Resolve(IEnumerable<Interaction> interactions, IReadOnlySet<(string, string)>? keptApart = null) =>
        Resolve(InteractionIndex.Build(interactions, DateTimeOffset.MaxValue), keptApart);

    /// <summary>The same, for interactions already grouped by address.</summary>
    internal static Dictionary<string, string> Resolve(InteractionIndex index, IReadOnlySet<(string, string)>? keptApart)
    {
        // Name keys are computed once per distinct spelling, and runs of the same spelling are counted
        // without hashing: a mailbox has millions of interactions but few names.
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        var seenByAddress = new Dictionary<string, (string? Name, DateTimeOffset Last)>(StringComparer.Ordinal);
        for (var group = 0; group < index.Addresses.Count; group++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var last = DateTimeOffset.MinValue;
            string? run = null;
            var runLength = 0;
            foreach (var position in index.Of(group))
            {
                var interaction = index.Source[position];
                if (interaction.Direct && interaction.At > last)
                {
                    last = interaction.At;
                }

                if (interaction.ContactName is not { } name)
                {
                    continue;
                }

                if (string.Equals(name, run, StringComparison.Ordinal))
                {
                    runLength++;
                    continue;
                }

                Count(counts, keys, run, runLength);
                run = name;
                runLength = 1;
            }

            Count(counts, keys, run, runLength);
            var best = counts.Count == 0 ? null : counts.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
            seenByAddress[index.Addresses[group]] = (best, last);
        }

        var groups = new Dictionary<string, List<(string Address, DateTimeOffset Last)>>(StringComparer.Ordinal);
        foreach (var (address, seen) in seenByAddress)
        {
            if (seen.Name is not { } name || AutomatedSenderClassifier.LooksAutomated(address))
            {
                continue;
            }

            if (!groups.TryGetValue(name, out var members))
            {
                members = [];
                groups[name] = members;
            }

            members.Add((address, seen.Last));
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var members in groups.Values.Where(g => g.Count > 1))
        {
            var primary = members.OrderByDescending(m => m.Last).ThenBy(m => m.Address, StringComparer.Ordinal).First().Address;
            foreach (var (address, _) in members)
            {
                if (address != primary && !(keptApart?.Contains((address, primary)) ?? false) && !(keptApart?.Contains((primary, address)) ?? false))
                {
                    merged[address] = primary;
                }
            }
        }

        return merged;
    }

    private static void Count(Dictionary<string, int> counts, Dictionary<string, string?> keys, string? name, int times)
    {
        if (name is null)
        {
            return;
        }

        if (!keys.TryGetValue(name, out var key))
        {
            key = PersonNameKey.From(name);
            keys.Add(name, key);
        }

        if (key is not null)
        {
            counts[key] = counts.GetValueOrDefault(key) + times;
        }
    }
}
