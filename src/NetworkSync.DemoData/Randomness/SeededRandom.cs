namespace NetworkSync.DemoData.Randomness;

/// <summary>
/// A deterministic pseudo-random generator (xoshiro256**) with the sampling helpers the generator needs.
/// </summary>
/// <remarks>
/// <see cref="Random"/>'s seeded algorithm is an implementation detail that .NET may change between versions;
/// the demo fixtures must stay byte-identical for a given seed, so the algorithm is owned here.
/// Independent parts of the mailbox draw from independent streams (<see cref="Fork(string)"/>), so changing how
/// much one part consumes never shifts the values another part sees.
/// </remarks>
internal sealed class SeededRandom
{
    private readonly ulong _key;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong key)
    {
        _key = key;
        var state = key;
        _s0 = NextSplitMix(ref state);
        _s1 = NextSplitMix(ref state);
        _s2 = NextSplitMix(ref state);
        _s3 = NextSplitMix(ref state);
    }

    /// <summary>The root stream for a seed and a purpose, e.g. <c>For(42, "calendar")</c>.</summary>
    public static SeededRandom For(int seed, string stream) =>
        new(StableHash.Combine(unchecked((ulong)seed), StableHash.OfString(stream)));

    /// <summary>A child stream that depends only on this stream's key and the name, never on how far this one has advanced.</summary>
    public SeededRandom Fork(string stream) => new(StableHash.Combine(_key, StableHash.OfString(stream)));

    public SeededRandom Fork(string stream, int index) =>
        new(StableHash.Combine(_key, StableHash.OfString(stream), unchecked((ulong)index)));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var shifted = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= shifted;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, exclusiveMax).</summary>
    public int Next(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)Math.BigMul(NextUInt64(), (ulong)exclusiveMax, out _);
    }

    /// <summary>Uniform integer in [min, exclusiveMax).</summary>
    public int Between(int min, int exclusiveMax) => min + Next(exclusiveMax - min);

    public double Between(double min, double max) => min + ((max - min) * NextDouble());

    public TimeSpan Between(TimeSpan min, TimeSpan max) => min + ((max - min) * NextDouble());

    public DateTimeOffset Between(DateTimeOffset min, DateTimeOffset max) => min + Between(TimeSpan.Zero, max - min);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal deviate (Box-Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A positive factor with mean 1 and log-spread <paramref name="sigma"/>: multiplies a typical duration into a realistic one.</summary>
    public double LogNormalFactor(double sigma) => Math.Exp((sigma * Gaussian()) - (sigma * sigma / 2));

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Poisson count; exact for small means, normal approximation for large ones.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 40)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Gaussian())));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = NextDouble();
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = NextDouble() * total;
        for (var index = 0; index < weights.Count; index++)
        {
            target -= weights[index];
            if (target < 0)
            {
                return index;
            }
        }

        return weights.Count - 1;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var index = items.Count - 1; index > 0; index--)
        {
            var other = Next(index + 1);
            (items[index], items[other]) = (items[other], items[index]);
        }
    }

    /// <summary>Up to <paramref name="count"/> distinct items in random order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var copy = new List<T>(items);
        var take = Math.Min(count, copy.Count);
        for (var index = 0; index < take; index++)
        {
            var other = index + Next(copy.Count - index);
            (copy[index], copy[other]) = (copy[other], copy[index]);
        }

        copy.RemoveRange(take, copy.Count - take);
        return copy;
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));

    private static ulong NextSplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return StableHash.Mix(state);
    }
}
