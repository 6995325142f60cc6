namespace NetworkSync.Domain.Relationships.Model;

/// <summary>
/// Builds the examples a mailbox labels itself with: at cutoffs 90, 180, 270 ... days before "now",
/// every person the owner had seen by the cutoff (copied-only people included, robots not) is an
/// example, with the features computed only from what came before the cutoff, labelled by whether the
/// owner wrote to or met them (directly) in the 90 days after it. Nothing after "now" is used.
/// </summary>
public static class WarmthTrainingSetBuilder
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    /// <summary>The cutoffs at most <paramref name="maximum"/> horizons back with at least 30 days of history before them.</summary>
    public static IReadOnlyList<DateTimeOffset> CutoffsFor(IReadOnlyList<Interaction> interactions, DateTimeOffset now, int maximum)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var first = DateTimeOffset.MaxValue;
        foreach (var interaction in interactions)
        {
            if (interaction.At < first)
            {
                first = interaction.At;
            }
        }

        var cutoffs = new List<DateTimeOffset>();
        for (var k = 1; k <= maximum; k++)
        {
            var cutoff = now - (Horizon * k);
            if (first == DateTimeOffset.MaxValue || cutoff - first < TimeSpan.FromDays(30))
            {
                break;
            }

            cutoffs.Add(cutoff);
        }

        return cutoffs;
    }

    /// <summary>The examples at <paramref name="cutoffs"/>; each label's window must end by <paramref name="now"/>.</summary>
    public static WarmthTrainingSet Build(IReadOnlyList<Interaction> interactions, IReadOnlyList<DateTimeOffset> cutoffs, DateTimeOffset now, IdentityResolution identity)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(identity);
        if (cutoffs.Any(c => c + Horizon > now))
        {
            throw new ArgumentException("Every cutoff's 90 days must have passed by now.", nameof(cutoffs));
        }

        var byPerson = new Dictionary<string, List<Interaction>>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            if (interaction.At > now || AutomatedSenderClassifier.LooksAutomated(interaction.ContactAddress))
            {
                continue;
            }

            var person = identity.MergedInto.GetValueOrDefault(interaction.ContactAddress, interaction.ContactAddress);
            if (!byPerson.TryGetValue(person, out var list))
            {
                list = [];
                byPerson[person] = list;
            }

            list.Add(interaction);
        }

        var people = byPerson.Keys.Order(StringComparer.Ordinal).ToArray();
        var perPerson = new List<WarmthExample>[people.Length];
        Parallel.For(0, people.Length, i => perPerson[i] = ExamplesOf(people[i], byPerson[people[i]], cutoffs));
        return new WarmthTrainingSet(cutoffs, perPerson.SelectMany(e => e).ToList());
    }

    /// <summary>Whether the owner wrote to or met the person (directly) in the horizon after the cutoff.</summary>
    public static bool ContactedAfter(IEnumerable<Interaction> personInteractions, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(personInteractions);
        return personInteractions.Any(i => i.At > cutoff && i.At <= cutoff + Horizon
            && (i.Direction == InteractionDirection.Outbound || (i.Direction == InteractionDirection.Meeting && i.Direct)));
    }

    private static List<WarmthExample> ExamplesOf(string person, List<Interaction> interactions, IReadOnlyList<DateTimeOffset> cutoffs)
    {
        var examples = new List<WarmthExample>(cutoffs.Count);
        foreach (var cutoff in cutoffs)
        {
            var features = new FeatureAccumulator(cutoff);
            var seen = false;
            var label = false;
            foreach (var interaction in interactions)
            {
                if (interaction.At <= cutoff)
                {
                    seen = true;
                    features.Add(interaction);
                }
                else if (interaction.At <= cutoff + Horizon
                    && (interaction.Direction == InteractionDirection.Outbound || (interaction.Direction == InteractionDirection.Meeting && interaction.Direct)))
                {
                    label = true;
                }
            }

            if (seen)
            {
                examples.Add(new WarmthExample(person, cutoff, features.Features(), label));
            }
        }

        return examples;
    }
}
