using System.Globalization;
using NetworkSync.Domain.Addresses;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Finds one person behind several addresses, on evidence only, never on a display name alone
/// (docs/relationship-model.md). Two addresses under the same full name (two words at least, see
/// <see cref="PersonNameKey"/>) are merged when
/// <list type="bullet">
/// <item>one answered, from its address, a thread the owner had with the other (a new job, a personal address), or</item>
/// <item>they share a local part at two domains (ana.abe@old.example, ana.abe@new.example);</item>
/// </list>
/// and any two addresses the user confirmed are merged, as are two addresses of one person in the organisation's
/// directory (<see cref="DirectoryPerson"/>: its proxy addresses all deliver to one mailbox, so this holds even
/// when both were once on one message). Otherwise two addresses that were ever on one message
/// side by side are two people, whatever their names. A same-name pair without evidence becomes a
/// <see cref="MergeSuggestion"/>. Robot addresses are never merged, and a pair the user has kept apart
/// stays apart. A merged person is listed under the address most recently in direct contact.
/// </summary>
public static class IdentityResolver
{
    public static IdentityResolution Resolve(
        IEnumerable<Interaction> interactions,
        IReadOnlySet<(string, string)>? keptApart = null,
        IReadOnlySet<(string, string)>? confirmed = null,
        IReadOnlyDictionary<string, DirectoryPerson>? directory = null) =>
        Resolve(InteractionIndex.Build(interactions, DateTimeOffset.MaxValue), keptApart, confirmed, directory);

    /// <summary>The same, for interactions already grouped by address.</summary>
    internal static IdentityResolution Resolve(
        InteractionIndex index,
        IReadOnlySet<(string, string)>? keptApart,
        IReadOnlySet<(string, string)>? confirmed,
        IReadOnlyDictionary<string, DirectoryPerson>? directory)
    {
        var seen = NamesAndLastContact(index);
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var group = 0; group < index.Addresses.Count; group++)
        {
            groupOf[index.Addresses[group]] = group;
        }

        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var group = 0; group < seen.Length; group++)
        {
            if (seen[group].Name is { } name && !AutomatedSenderClassifier.LooksAutomated(index.Addresses[group]))
            {
                if (!byName.TryGetValue(name, out var members))
                {
                    members = [];
                    byName[name] = members;
                }

                members.Add(group);
            }
        }

        // Ordered by address, so the result never depends on the order interactions arrived in.
        foreach (var members in byName.Values)
        {
            members.Sort((x, y) => string.CompareOrdinal(index.Addresses[x], index.Addresses[y]));
        }

        var edges = new List<(int A, int B, string Why)>();
        var suggestions = new List<MergeSuggestion>();
        foreach (var (_, members) in byName.Where(g => g.Value.Count > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var traces = members.ToDictionary(g => g, g => Trace.Of(index, g));
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = (members[i], members[j]);
                    var (addressA, addressB) = (index.Addresses[a], index.Addresses[b]);
                    if (traces[a].Sources.Overlaps(traces[b].Sources) || Apart(keptApart, addressA, addressB))
                    {
                        continue;
                    }

                    if (Evidence(addressA, traces[a], addressB, traces[b]) is { } why)
                    {
                        edges.Add((a, b, why));
                    }
                    else
                    {
                        suggestions.Add(new MergeSuggestion(addressA, addressB, traces[a].DisplayName ?? traces[b].DisplayName ?? string.Empty));
                    }
                }
            }
        }

        foreach (var (x, y) in confirmed ?? new HashSet<(string, string)>())
        {
            if (groupOf.TryGetValue(x, out var a) && groupOf.TryGetValue(y, out var b) && a != b && !Apart(keptApart, x, y))
            {
                edges.Add((a, b, "you said these are one person"));
            }
        }

        AddDirectoryEdges(index, directory, keptApart, edges);
        return Join(index, seen, edges, suggestions);
    }

    /// <summary>Joins the addresses seen that the directory lists under one person, in address order so the reason never depends on arrival order.</summary>
    private static void AddDirectoryEdges(
        InteractionIndex index,
        IReadOnlyDictionary<string, DirectoryPerson>? directory,
        IReadOnlySet<(string, string)>? keptApart,
        List<(int A, int B, string Why)> edges)
    {
        if (directory is null || directory.Count == 0)
        {
            return;
        }

        var byPerson = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var group = 0; group < index.Addresses.Count; group++)
        {
            if (directory.TryGetValue(index.Addresses[group], out var person))
            {
                if (!byPerson.TryGetValue(person.Id, out var members))
                {
                    members = [];
                    byPerson[person.Id] = members;
                }

                members.Add(group);
            }
        }

        foreach (var members in byPerson.Values.Where(m => m.Count > 1))
        {
            members.Sort((x, y) => string.CompareOrdinal(index.Addresses[x], index.Addresses[y]));
            var person = directory[index.Addresses[members[0]]];
            var why = person.DisplayName is { Length: > 0 } name
                ? $"both are addresses of {name} in your organisation's directory"
                : "both are addresses of one person in your organisation's directory";
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (!Apart(keptApart, index.Addresses[members[i]], index.Addresses[members[j]]))
                    {
                        edges.Add((members[i], members[j], why));
                    }
                }
            }
        }
    }

    private static IdentityResolution Join(InteractionIndex index, (string? Name, long Last)[] seen, List<(int A, int B, string Why)> edges, List<MergeSuggestion> suggestions)
    {
        if (edges.Count == 0)
        {
            return new IdentityResolution(new Dictionary<string, string>(), new Dictionary<string, string>(), suggestions);
        }

        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        foreach (var (a, b, _) in edges)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        var components = edges.SelectMany(e => new[] { e.A, e.B }).Distinct().GroupBy(Find);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var because = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            var primary = component.OrderByDescending(g => seen[g].Last).ThenBy(g => index.Addresses[g], StringComparer.Ordinal).First();
            foreach (var member in component.Where(g => g != primary))
            {
                merged[index.Addresses[member]] = index.Addresses[primary];
                because[index.Addresses[member]] = edges.First(e => e.A == member || e.B == member).Why;
            }
        }

        var joined = suggestions.Where(s => !(merged.GetValueOrDefault(s.Address, s.Address) == merged.GetValueOrDefault(s.OtherAddress, s.OtherAddress))).ToList();
        return new IdentityResolution(merged, because, joined);
    }

    private static string? Evidence(string addressA, Trace a, string addressB, Trace b)
    {
        var (localA, domainA) = Split(addressA);
        var (localB, domainB) = Split(addressB);
        if (localA.Length >= 3 && localA == localB && domainA != domainB)
        {
            return $"same name and address {localA}@ at {domainA} and {domainB}";
        }

        return RepliedInThreadOf(addressB, b, addressA, a) ?? RepliedInThreadOf(addressA, a, addressB, b);
    }

    // "replied from ana@new.example in a thread with ana.abe@old.example, 12 March 2026"
    private static string? RepliedInThreadOf(string replier, Trace replies, string original, Trace threads)
    {
        foreach (var (conversation, at) in replies.RepliesFrom.OrderBy(r => r.At))
        {
            if (threads.Threads.TryGetValue(conversation, out var since) && since < at)
            {
                var day = new DateTime(at, DateTimeKind.Utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
                return $"replied from {replier} in a thread with {original}, {day}";
            }
        }

        return null;
    }

    private static (string Local, string Domain) Split(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? (address, string.Empty) : (address[..at], address[(at + 1)..]);
    }

    private static bool Apart(IReadOnlySet<(string, string)>? keptApart, string x, string y) =>
        (keptApart?.Contains((x, y)) ?? false) || (keptApart?.Contains((y, x)) ?? false);

    /// <summary>
    /// The full-name key one address is grouped by (its most used, ties by ordinal order), from its
    /// interactions; null when none of its names is a full name. The same choice <see cref="Resolve(IEnumerable{Interaction}, IReadOnlySet{ValueTuple{string, string}}?, IReadOnlySet{ValueTuple{string, string}}?)"/>
    /// makes, so an incremental rescore can tell whether an address has namesakes.
    /// </summary>
    public static string? NameKeyOf(IEnumerable<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            Count(counts, keys, interaction.ContactName, 1);
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>
    /// Each address's most used full-name key and its last direct contact. Name keys are computed once
    /// per distinct spelling, and runs of the same spelling are counted without hashing: a mailbox has
    /// millions of interactions but few names.
    /// </summary>
    private static (string? Name, long Last)[] NamesAndLastContact(InteractionIndex index)
    {
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        var result = new (string? Name, long Last)[index.Addresses.Count];
        for (var group = 0; group < index.Addresses.Count; group++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var last = long.MinValue;
            string? run = null;
            var runLength = 0;
            foreach (var position in index.Of(group))
            {
                ref readonly var interaction = ref index[position];
                if (interaction.Direct && interaction.At.UtcTicks > last)
                {
                    last = interaction.At.UtcTicks;
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
            result[group] = (best, last);
        }

        return result;
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

    /// <summary>What one address of a same-name pair left behind: the messages it was on, its threads and its replies.</summary>
    private sealed record Trace(HashSet<string> Sources, Dictionary<string, long> Threads, List<(string Conversation, long At)> RepliesFrom, string? DisplayName)
    {
        public static Trace Of(InteractionIndex index, int group)
        {
            var trace = new Trace(new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal), [], null);
            string? name = null;
            foreach (var position in index.Of(group))
            {
                ref readonly var interaction = ref index[position];
                if (interaction.ContactName is { } spelled && (name is null || string.CompareOrdinal(spelled, name) < 0))
                {
                    name = spelled;
                }

                if (interaction.SourceId is { } source)
                {
                    trace.Sources.Add(source);
                }

                if (interaction.ConversationId is not { } conversation || interaction.Direction == InteractionDirection.Meeting)
                {
                    continue;
                }

                // A thread the owner had with this address: the owner wrote to it, or it wrote to the owner.
                if (interaction.Direction == InteractionDirection.Outbound || (interaction.Direction == InteractionDirection.Inbound && interaction.Direct))
                {
                    var at = interaction.At.UtcTicks;
                    trace.Threads[conversation] = trace.Threads.TryGetValue(conversation, out var first) ? Math.Min(first, at) : at;
                }

                if (interaction.Direction == InteractionDirection.Inbound && interaction.Direct)
                {
                    trace.RepliesFrom.Add((conversation, interaction.At.UtcTicks));
                }
            }

            return trace with { DisplayName = name };
        }
    }
}
