namespace NetworkSync.Domain.Relationships.Model;

/// <summary>The built-in warmth weights, in <see cref="WarmthFeature"/> order (see <see cref="WarmthModel.BuiltIn"/>).</summary>
internal static class BuiltInWeights
{
    public const double Bias = -4.0;

    public static readonly double[] Values =
    [
        0.3, 0.6, 0.4, 0.3,      // sent 7 / 30 / 90 / 365
        0.1, 0.3, 0.2, 0.2,      // received
        0.2, 0.3, 0.2,           // met 30 / 90 / 365
        0.2, 0.2,                // copied 30 / 365
        0.3, 0.3,                // focused 30 / 365
        0.8, 0.3, 0.3, 0.3, 1.0, // recent sent / received / met / any / direct (long)
        0.8, 1.2,                // active weeks / months
        0.3, 0.3,                // reciprocity 90 / 365
        0.3,                     // two-way threads
    ];
}
