namespace NetworkSync.DemoData.Randomness;

/// <summary>
/// Small, platform-independent 64-bit hashing used to derive seeds and ids.
/// </summary>
/// <remarks>
/// <see cref="string.GetHashCode()"/> is randomised per process, and <see cref="HashCode"/> too, so neither can
/// make fixtures byte-identical from run to run. These functions are fixed forever.
/// </remarks>
internal static class StableHash
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values, so distinct inputs never collide.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Combine(ulong first, ulong second) => Mix(first ^ Mix(second + GoldenGamma));

    public static ulong Combine(ulong first, ulong second, ulong third) => Combine(Combine(first, second), third);

    /// <summary>FNV-1a over the UTF-16 code units, then mixed; used to name independent random streams.</summary>
    public static ulong OfString(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var unit in text)
        {
            hash ^= unit;
            hash *= 0x100000001B3UL;
        }

        return Mix(hash);
    }
}
