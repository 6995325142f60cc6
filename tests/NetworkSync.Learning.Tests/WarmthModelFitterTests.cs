using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Learning.Tests;

public sealed class WarmthModelFitterTests
{
    [Fact]
    public void The_same_history_and_seed_give_the_same_weights()
    {
        var history = SyntheticHistory.Mailbox(steady: 20, faded: 20, copied: 30);
        var first = WarmthModelTrainer.Fit(history, SyntheticHistory.Now, IdentityResolution.None, new WarmthFitOptions { Seed = 7 });
        var second = WarmthModelTrainer.Fit(history, SyntheticHistory.Now, IdentityResolution.None, new WarmthFitOptions { Seed = 7 });

        Assert.Equal(WarmthModelSource.Fitted, first.Source);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
    }

    [Fact]
    public void A_fitted_model_ranks_people_still_written_to_above_the_rest_and_its_weights_are_never_negative()
    {
        var model = WarmthModelTrainer.Fit(SyntheticHistory.Mailbox(steady: 20, faded: 20, copied: 30), SyntheticHistory.Now, IdentityResolution.None);
        var summaries = ContactAggregator.Summarize(SyntheticHistory.Mailbox(steady: 3, faded: 3, copied: 3, seed: 2), new HashSet<string>(), SyntheticHistory.Now, new RelationshipOptions(), model);

        Assert.All(model.Weights, w => Assert.True(w >= 0));
        Assert.StartsWith("fitted on this mailbox", model.Reason, StringComparison.Ordinal);
        var steadiest = summaries.Where(s => s.Address.StartsWith("steady", StringComparison.Ordinal)).Min(s => s.Warmth);
        var others = summaries.Where(s => !s.Address.StartsWith("steady", StringComparison.Ordinal)).Max(s => s.Warmth);
        Assert.True(steadiest > 90, $"steady contacts: {steadiest}");
        Assert.True(others < 10, $"faded and copied: {others}");
    }

    [Fact]
    public void Weights_stay_non_negative_when_a_feature_predicts_silence()
    {
        // Everyone copied recently is never written to; everyone written to is never copied: the copy
        // features point the wrong way, and the fit must drop them rather than weigh them negatively.
        var history = SyntheticHistory.Mailbox(steady: 15, faded: 0, copied: 40);
        var model = WarmthModelTrainer.Fit(history, SyntheticHistory.Now, IdentityResolution.None);

        Assert.Equal(WarmthModelSource.Fitted, model.Source);
        Assert.All(model.Weights, w => Assert.True(w >= 0 && double.IsFinite(w)));
    }

    [Fact]
    public void Too_little_history_falls_back_to_the_built_in_weights_and_says_why()
    {
        var model = WarmthModelTrainer.Fit(SyntheticHistory.Mailbox(steady: 2, faded: 1, copied: 1), SyntheticHistory.Now, IdentityResolution.None);

        Assert.Equal(WarmthModelSource.BuiltIn, model.Source);
        Assert.Equal(WarmthModel.BuiltIn.Weights, model.Weights);
        Assert.StartsWith("built-in weights: too little history to learn from", model.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_mailbox_falls_back_too()
    {
        var model = WarmthModelTrainer.Fit([], SyntheticHistory.Now, IdentityResolution.None);

        Assert.Equal(WarmthModelSource.BuiltIn, model.Source);
    }
}
