namespace NetworkSync.DemoData.Tests;

internal static class Statistics
{
    /// <summary>Spearman's rank correlation, with average ranks for ties.</summary>
    public static double Spearman(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var firstRanks = Ranks(first);
        var secondRanks = Ranks(second);
        var firstMean = firstRanks.Average();
        var secondMean = secondRanks.Average();
        double covariance = 0, firstVariance = 0, secondVariance = 0;
        for (var index = 0; index < firstRanks.Length; index++)
        {
            covariance += (firstRanks[index] - firstMean) * (secondRanks[index] - secondMean);
            firstVariance += Math.Pow(firstRanks[index] - firstMean, 2);
            secondVariance += Math.Pow(secondRanks[index] - secondMean, 2);
        }

        return covariance / Math.Sqrt(firstVariance * secondVariance);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(index => values[index]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            for (var position = start; position <= end; position++)
            {
                ranks[order[position]] = (start + end) / 2.0;
            }

            start = end + 1;
        }

        return ranks;
    }
}
