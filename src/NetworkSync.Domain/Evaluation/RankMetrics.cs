namespace NetworkSync.Domain.Evaluation;

/// <summary>The statistics the relationship model is judged by (docs/relationship-model.md).</summary>
public static class RankMetrics
{
    /// <summary>Spearman's rank correlation; tied values share their average rank.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 2)
        {
            throw new ArgumentException("Spearman needs two equally long series of at least two values.");
        }

        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        double covariance = 0, vx = 0, vy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            covariance += (rx[i] - mx) * (ry[i] - my);
            vx += (rx[i] - mx) * (rx[i] - mx);
            vy += (ry[i] - my) * (ry[i] - my);
        }

        return vx == 0 || vy == 0 ? 0 : covariance / Math.Sqrt(vx * vy);
    }

    /// <summary>
    /// Area under the ROC curve: the chance that a random positive scores above a random negative
    /// (ties count a half), computed from ranks (Mann-Whitney U).
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (scores.Count != labels.Count || positives == 0 || negatives == 0)
        {
            throw new ArgumentException("AUC needs scores for both positive and negative examples.");
        }

        var ranks = Ranks(scores);
        var positiveRankSum = 0.0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (labels[i])
            {
                positiveRankSum += ranks[i];
            }
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision: the mean, over the positives, of the precision among everything scored at
    /// least as high. Tied scores are one threshold (as scikit-learn computes it), so the result never
    /// depends on the order of ties.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(l => l);
        if (scores.Count != labels.Count || positives == 0)
        {
            throw new ArgumentException("Average precision needs scores and at least one positive example.");
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double sum = 0;
        int seen = 0, hits = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            var newHits = 0;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                newHits += labels[order[end]] ? 1 : 0;
                end++;
            }

            seen += end - start;
            hits += newHits;
            sum += newHits * (hits / (double)seen);
            start = end;
        }

        return sum / positives;
    }

    /// <summary>1-based ranks, ascending, ties averaged.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
