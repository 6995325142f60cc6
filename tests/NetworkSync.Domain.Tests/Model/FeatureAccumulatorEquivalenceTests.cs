using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Tests.Model;

/// <summary>
/// The cheaper <see cref="FeatureAccumulator"/> (one exponential per half-life per interaction, shared by
/// every sum; bit masks for active weeks and months) gives exactly the features of the straightforward
/// one (<see cref="ReferenceFeatureAccumulator"/>), bit for bit, so no score moves.
/// </summary>
public sealed class FeatureAccumulatorEquivalenceTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_features_equal_the_reference_exactly(int seed)
    {
        var random = new Random(seed);
        var history = Enumerable.Range(0, random.Next(0, 3000)).Select(i => RandomInteraction(random, i)).ToList();

        // Reference times at month, week and day boundaries as well as in between, some before part of the history.
        var asOfs = new List<DateTimeOffset>
        {
            Start.AddDays(random.Next(0, 1100)).AddMinutes(random.Next(0, 24 * 60)),
            new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            new(2026, 2, 28, 23, 59, 59, TimeSpan.Zero),
            new(2025, 12, 31, 12, 0, 0, TimeSpan.FromHours(5)),
            Start.AddDays(7 * random.Next(0, 150)),
        };

        foreach (var asOf in asOfs)
        {
            var fast = new FeatureAccumulator(asOf);
            var reference = new ReferenceFeatureAccumulator(asOf);
            foreach (var interaction in history)
            {
                fast.Add(interaction);
                reference.Add(interaction);
            }

            Assert.Equal(reference.Features(), fast.Features());
            Assert.Equal(
                (reference.SentLast90Days, reference.ReceivedLast90Days, reference.CopiedLastYear, reference.Direct),
                (fast.SentLast90Days, fast.ReceivedLast90Days, fast.CopiedLastYear, fast.Direct));
        }
    }

    private static Interaction RandomInteraction(Random random, int i)
    {
        var direction = (InteractionDirection)random.Next(4);
        return new Interaction(
            "ana@x.example",
            null,
            direction,
            Start.AddSeconds(random.NextInt64(0, 1100L * 24 * 3600)),
            random.Next(10) == 0 ? random.Next(21, 400) : random.Next(1, 20),
            $"s{i}",
            Direct: direction != InteractionDirection.CoRecipient && random.Next(5) != 0,
            ConversationId: random.Next(3) == 0 ? null : $"t{random.Next(30)}",
            Role: (InteractionRole)random.Next(7));
    }
}
