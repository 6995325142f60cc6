using NetworkSync.Domain.Evaluation;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Tests.Model;

public sealed class WarmthModelTests
{
    [Fact]
    public void Warmth_is_100_times_the_logistic_probability()
    {
        var weights = new double[WarmthFeatures.Count];
        weights[(int)WarmthFeature.RecentSent] = 2;
        var model = new WarmthModel(weights, -1, WarmthModelSource.Fitted, "test");
        var features = new double[WarmthFeatures.Count];
        features[(int)WarmthFeature.RecentSent] = 1;

        Assert.Equal(100 / (1 + Math.Exp(-1)), model.Probability(features) * 100, 9);
        Assert.Equal(73.1, model.Warmth(features));
        Assert.Equal(26.9, model.Warmth(new double[WarmthFeatures.Count]));
        Assert.Equal((WarmthSignal.YouWrite, 2.0), Assert.Single(model.Contributions(features)));
    }

    [Fact]
    public void Negative_or_missing_weights_are_refused()
    {
        var negative = new double[WarmthFeatures.Count];
        negative[3] = -0.1;

        Assert.Throws<ArgumentException>(() => new WarmthModel(negative, 0, WarmthModelSource.Fitted, "x"));
        Assert.Throws<ArgumentException>(() => new WarmthModel(new double[3], 0, WarmthModelSource.Fitted, "x"));
        Assert.Throws<ArgumentException>(() => new WarmthModel(new double[WarmthFeatures.Count], double.NaN, WarmthModelSource.Fitted, "x"));
    }

    [Fact]
    public void The_built_in_weights_are_non_negative_and_say_they_are_built_in()
    {
        Assert.All(WarmthModel.BuiltIn.Weights, w => Assert.True(w >= 0));
        Assert.Equal(WarmthModelSource.BuiltIn, WarmthModel.BuiltIn.Source);
        Assert.Equal(WarmthFeatures.Count, WarmthFeatures.Names.Count);
    }

    [Theory]
    [InlineData(new[] { 0.9, 0.8, 0.7, 0.1 }, new[] { true, false, true, false }, (1.0 + (2.0 / 3)) / 2)]
    [InlineData(new[] { 0.5, 0.5, 0.1 }, new[] { true, false, false }, 0.5)]
    [InlineData(new[] { 0.3, 0.2, 0.1 }, new[] { true, true, false }, 1.0)]
    public void Average_precision_matches_hand_worked_values(double[] scores, bool[] labels, double expected)
    {
        Assert.Equal(expected, RankMetrics.AveragePrecision(scores, labels), 9);
    }
}
