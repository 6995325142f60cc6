using System.Runtime.InteropServices;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Interactions grouped by contact address without copying them: one dictionary lookup per
/// interaction, then a counting sort of their positions. A million interactions group in tens of
/// milliseconds, where per-address lists of the (64-byte) records took most of a second.
/// </summary>
internal sealed class InteractionIndex
{
    private readonly int[] starts;
    private readonly int[] order;

    private readonly List<Interaction> list;

    private InteractionIndex(List<Interaction> source, List<string> addresses, int[] starts, int[] order)
    {
        list = source;
        Source = source;
        Addresses = addresses;
        this.starts = starts;
        this.order = order;
    }

    public IReadOnlyList<Interaction> Source { get; }

    /// <summary>The interaction at a position, read in place: the records are 64 bytes, and copying each out cost more than using it.</summary>
    public ref readonly Interaction this[int position] => ref CollectionsMarshal.AsSpan(list)[position];

    /// <summary>The distinct contact addresses; an address's position is its group number.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Positions in <see cref="Source"/> of the interactions with one address.</summary>
    public ReadOnlySpan<int> Of(int group) => order.AsSpan(starts[group], starts[group + 1] - starts[group]);

    /// <summary>Groups the interactions that happened at or before <paramref name="asOf"/>.</summary>
    public static InteractionIndex Build(IEnumerable<Interaction> interactions, DateTimeOffset asOf)
    {
        var source = interactions as List<Interaction> ?? interactions.ToList();
        var groupOf = new int[source.Count];
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var addresses = new List<string>();
        var counts = new List<int>();
        for (var i = 0; i < source.Count; i++)
        {
            var interaction = source[i];
            if (interaction.At > asOf)
            {
                groupOf[i] = -1;
                continue;
            }

            if (!groups.TryGetValue(interaction.ContactAddress, out var group))
            {
                group = addresses.Count;
                groups.Add(interaction.ContactAddress, group);
                addresses.Add(interaction.ContactAddress);
                counts.Add(0);
            }

            groupOf[i] = group;
            counts[group]++;
        }

        var starts = new int[addresses.Count + 1];
        for (var g = 0; g < addresses.Count; g++)
        {
            starts[g + 1] = starts[g] + counts[g];
        }

        var next = starts[..^1];
        var order = new int[starts[^1]];
        for (var i = 0; i < groupOf.Length; i++)
        {
            if (groupOf[i] >= 0)
            {
                order[next[groupOf[i]]++] = i;
            }
        }

        return new InteractionIndex(source, addresses, starts, order);
    }
}
