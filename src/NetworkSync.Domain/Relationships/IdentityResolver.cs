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
        var byAddress = new Dictionary<string, (Dictionary<string, int> Names, DateTimeOffset Last)>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            if (!byAddress.TryGetValue(interaction.ContactAddress, out var seen))
            {
                seen = (new Dictionary<string, int>(StringComparer.Ordinal), DateTimeOffset.MinValue);
            }

            if (PersonNameKey.From(interaction.ContactName) is { } key)
            {
                seen.Names[key] = seen.Names.GetValueOrDefault(key) + 1;
            }

            if (interaction.Direct && interaction.At > seen.Last)
            {
                seen.Last = interaction.At;
            }

            byAddress[interaction.ContactAddress] = seen;
        }

        var groups = new Dictionary<string, List<(string Address, DateTimeOffset Last)>>(StringComparer.Ordinal);
        foreach (var (address, seen) in byAddress)
        {
            if (seen.Names.Count == 0 || AutomatedSenderClassifier.LooksAutomated(address))
            {
                continue;
            }

            var name = seen.Names.MaxBy(n => n.Value).Key;
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
}
