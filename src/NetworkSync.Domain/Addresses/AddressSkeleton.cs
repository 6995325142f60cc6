using System.Collections.Frozen;
using System.Text;

namespace NetworkSync.Domain.Addresses;

/// <summary>
/// What a normalised address looks like on screen: letters from other scripts that are drawn like Latin
/// ones (Cyrillic "а", Greek "ο", ...) replaced by those. Two different addresses with one skeleton are
/// look-alikes ("dаna@contoso.example" with a Cyrillic "а" passes for "dana@contoso.example").
/// The table is the common subset of Unicode's confusables for Cyrillic and Greek lower case.
/// </summary>
public static class AddressSkeleton
{
    private static readonly FrozenDictionary<char, char> LatinLookAlikes = new Dictionary<char, char>
    {
        ['а'] = 'a',
        ['е'] = 'e',
        ['о'] = 'o',
        ['р'] = 'p',
        ['с'] = 'c',
        ['у'] = 'y',
        ['х'] = 'x',
        ['і'] = 'i',
        ['ј'] = 'j',
        ['ѕ'] = 's',
        ['ԁ'] = 'd',
        ['һ'] = 'h',
        ['ӏ'] = 'l',
        ['ԛ'] = 'q',
        ['ԝ'] = 'w',
        ['ɡ'] = 'g',
        ['ı'] = 'i',
        ['α'] = 'a',
        ['ο'] = 'o',
        ['ν'] = 'v',
        ['ι'] = 'i',
        ['ρ'] = 'p',
        ['κ'] = 'k',
        ['υ'] = 'u',
        ['ϲ'] = 'c',
        ['ϳ'] = 'j',
    }.ToFrozenDictionary();

    /// <summary>The skeleton of an already normalised address (plain ASCII addresses are their own skeleton).</summary>
    public static string Of(string normalizedAddress)
    {
        ArgumentNullException.ThrowIfNull(normalizedAddress);
        if (Ascii.IsValid(normalizedAddress))
        {
            return normalizedAddress;
        }

        var skeleton = new StringBuilder(normalizedAddress.Length);
        foreach (var c in normalizedAddress)
        {
            skeleton.Append(LatinLookAlikes.TryGetValue(c, out var latin) ? latin : c);
        }

        return skeleton.ToString();
    }
}
