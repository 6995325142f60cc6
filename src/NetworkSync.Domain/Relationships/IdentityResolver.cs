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
    public static Dictionary<string, string> Resolve(IEnumerable<Interaction> interactions, IReadOnlySet<(string, string)>? keptApart = null)
    {
        // Name keys are computed once per distinct spelling: a mailbox has millions of interactions but few names.
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        var byAddress = new Dictionary<string, AddressSeen>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            if (!byAddress.TryGetValue(interaction.ContactAddress, out var seen))
            {
                seen = new AddressSeen();
                byAddress.Add(interaction.ContactAddress, seen);
            }

            if (interaction.ContactName is { } name)
            {
                if (!keys.TryGetValue(name, out var key))
                {
                    key = PersonNameKey.From(name);
                    keys.Add(name, key);
                }

                if (key is not null)
                {
                    seen.Names[key] = seen.Names.GetValueOrDefault(key) + 1;
                }
            }

            if (interaction.Direct && interaction.At > seen.Last)
            {
                seen.Last = interaction.At;
            }
        }

        var groups = new Dictionary<string, List<(string Address, DateTimeOffset Last)>>(StringComparer.Ordinal);
        foreach (var (address, seen) in byAddress)
        {
            if (seen.Names.Count == 0 || AutomatedSenderClassifier.LooksAutomated(address))
            {
                continue;
            }

            var name = seen.Names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
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

    private sealed class AddressSeen
    {
        public Dictionary<string, int> Names { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Last { get; set; } = DateTimeOffset.MinValue;
    }
}
