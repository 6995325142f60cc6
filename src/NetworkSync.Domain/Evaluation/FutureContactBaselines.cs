using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Evaluation;

/// <summary>
/// The three baselines the research literature compares tie-strength models with when predicting
/// whom a user will write to next. Each scores contacts using only interactions before the cutoff.
/// </summary>
public static class FutureContactBaselines
{
    /// <summary>Recency alone: the more recent the last contact, the higher the score.</summary>
    public static Dictionary<string, double> Recency(IEnumerable<Interaction> interactions, DateTimeOffset cutoff) =>
        Before(interactions, cutoff)
            .GroupBy(i => i.ContactAddress, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => -(cutoff - g.Max(i => i.At)).TotalDays, StringComparer.Ordinal);

    /// <summary>Messages exchanged (either way) in the 365 days before the cutoff.</summary>
    public static Dictionary<string, double> MessageCount365(IEnumerable<Interaction> interactions, DateTimeOffset cutoff) =>
        Before(interactions, cutoff)
            .GroupBy(i => i.ContactAddress, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (double)g.Count(i => i.Direction != InteractionDirection.Meeting && cutoff - i.At <= TimeSpan.FromDays(365)),
                StringComparer.Ordinal);

    /// <summary>Exponentially decayed interaction count, half-life 30 days, outgoing counted twice.</summary>
    public static Dictionary<string, double> ExponentialDecay(IEnumerable<Interaction> interactions, DateTimeOffset cutoff) =>
        Before(interactions, cutoff)
            .GroupBy(i => i.ContactAddress, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Sum(i => (i.Direction == InteractionDirection.Outbound ? 2.0 : 1.0) * Math.Pow(0.5, (cutoff - i.At).TotalDays / 30)),
                StringComparer.Ordinal);

    private static IEnumerable<Interaction> Before(IEnumerable<Interaction> interactions, DateTimeOffset cutoff) =>
        interactions.Where(i => i.At <= cutoff);
}
