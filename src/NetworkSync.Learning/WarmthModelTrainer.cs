using System.Globalization;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Learning;

/// <summary>
/// Learns a mailbox's warmth model from its own history (self-labelled cutoffs, see
/// <see cref="WarmthTrainingSetBuilder"/>), or falls back to the built-in weights, saying why, when
/// the history is too thin to learn from.
/// </summary>
public static class WarmthModelTrainer
{
    public static WarmthModel Fit(IReadOnlyList<Interaction> interactions, DateTimeOffset now, IdentityResolution identity, WarmthFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        options ??= new WarmthFitOptions();
        var cutoffs = WarmthTrainingSetBuilder.CutoffsFor(interactions, now, options.MaximumCutoffs);
        var set = WarmthTrainingSetBuilder.Build(interactions, cutoffs, now, identity);
        return Fit(set, options);
    }

    public static WarmthModel Fit(WarmthTrainingSet set, WarmthFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        var positives = set.Positives;
        var negatives = set.Examples.Count - positives;
        var cutoffs = set.CutoffsWithPositives;
        if (positives < options.MinimumPositives || negatives < options.MinimumPositives || cutoffs < options.MinimumCutoffs)
        {
            return WarmthModel.BuiltIn.Because(string.Create(
                CultureInfo.InvariantCulture,
                $"built-in weights: too little history to learn from ({positives} people contacted after {cutoffs} of {set.Cutoffs.Count} cutoffs; needs {options.MinimumPositives} over {options.MinimumCutoffs})")) with
            { Examples = set.Examples.Count };
        }

        return WarmthModelFitter.Fit(set.Examples, options, string.Create(
            CultureInfo.InvariantCulture,
            $"fitted on this mailbox: {set.Cutoffs.Count} cutoffs, {set.Examples.Count} examples, {positives} contacted afterwards")) with
        { Examples = set.Examples.Count };
    }
}
