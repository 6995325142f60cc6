using NetworkSync.Domain.Evaluation;

namespace NetworkSync.Domain.Tests;

public sealed class RankMetricsTests
{
    [Fact]
    public void Spearman_is_one_for_any_increasing_relation_and_minus_one_for_a_decreasing_one()
    {
        Assert.Equal(1, RankMetrics.Spearman([1, 2, 3, 4], [10, 100, 1000, 10000]), 10);
        Assert.Equal(-1, RankMetrics.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 10);
    }

    [Fact]
    public void Spearman_matches_a_hand_computed_value_with_ties()
    {
        // Ranks x: 1, 2.5, 2.5, 4; y: 1, 3, 2, 4 -> Pearson of the ranks.
        Assert.Equal(0.9486832980505138, RankMetrics.Spearman([1, 2, 2, 3], [5, 7, 6, 9]), 10);
    }

    [Fact]
    public void Auc_counts_pairs_ranked_right_with_ties_as_halves()
    {
        Assert.Equal(1.0, RankMetrics.RocAuc([0.9, 0.8, 0.2, 0.1], [true, true, false, false]));
        Assert.Equal(0.0, RankMetrics.RocAuc([0.1, 0.2, 0.8, 0.9], [true, true, false, false]));
        Assert.Equal(0.5, RankMetrics.RocAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false]));
        Assert.Equal(0.75, RankMetrics.RocAuc([0.9, 0.3, 0.5, 0.1], [true, true, false, false]));
    }

    [Fact]
    public void Auc_without_both_classes_is_refused() =>
        Assert.Throws<ArgumentException>(() => RankMetrics.RocAuc([0.1, 0.2], [true, true]));
}
