namespace NetworkSync.Domain.Relationships.Model;

/// <summary>
/// The built-in warmth weights, in <see cref="WarmthFeature"/> order (see <see cref="WarmthModel.BuiltIn"/>):
/// the mean of four per-mailbox fits (the three independent evaluation mailboxes of
/// eval/independent_mailboxes.py, seed 1, and the demo mailbox, seed 42, each fitted at its latest
/// cutoff), rounded to one decimal, with one change: the fits gave the two-way and one-to-one
/// features almost nothing (in those mailboxes they move with the counts), so they get small floors
/// (reciprocity 0.3, focused 0.2 and 0.1) to keep what users expect of a prior: a two-way exchange
/// beats the same volume one way, and a 1:1 beats being one of fifteen. A prior for mailboxes too new
/// to learn from, not a tuned answer.
/// </summary>
internal static class BuiltInWeights
{
    public const double Bias = -2.3;

    public static readonly double[] Values =
    [
        0.5, 0.2, 0.0, 0.1,      // sent 7 / 30 / 90 / 365
        0.1, 0.0, 0.0, 0.0,      // received
        0.2, 0.1, 0.1,           // met 30 / 90 / 365
        0.2, 0.1,                // copied 30 / 365
        0.2, 0.1,                // focused 30 / 365
        2.2, 0.0, 0.8, 0.4, 0.7, // recent sent / received / met / any / direct (long)
        0.2, 0.9,                // active weeks / months
        0.3, 0.3,                // reciprocity 90 / 365
        0.0,                     // two-way threads
    ];
}
