using System.Buffers;
using System.Globalization;
using System.Text;

namespace NetworkSync.Domain.Addresses;

/// <summary>
/// Turns the many spellings of an address seen in mail headers ("<Ana.Abe@Contoso.com>",
/// "'ana.abe@contoso.com'", "mailto:ANA.ABE@contoso.com ") into one comparable key. Look-alike spellings
/// of one address become that address too: Unicode compatibility forms are folded (NFKC: "ﬁ" is "fi"),
/// invisible format characters dropped (zero-width space and joiner, bidi overrides, BOM) and the
/// domain's trailing dot ("contoso.com.", the DNS root) removed.
/// </summary>
public static class EmailAddressNormalizer
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" \t\r\n,;<>()[]\\\"");

    /// <summary>Returns the lower-case bare address, or null when the input holds no plausible address.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var span = Ascii.IsValid(raw) ? raw.AsSpan().Trim() : Fold(raw).AsSpan().Trim();

        // "Display Name <addr>" keeps only what is inside the angle brackets.
        var open = span.LastIndexOf('<');
        if (open >= 0)
        {
            var close = span[open..].IndexOf('>');
            span = close > 0 ? span[(open + 1)..(open + close)] : span[(open + 1)..];
        }

        span = span.Trim().Trim("\"'` \t\r\n<>").Trim();
        if (span.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            span = span["mailto:".Length..].Trim();
        }

        // "ana@contoso.com." is the fully qualified spelling of "ana@contoso.com".
        span = span.TrimEnd('.');
        if (span.IsEmpty || span.Length > 320)
        {
            return null;
        }

        // One '@' only ("a@b@c" is two fragments, not an address), and no control characters (NUL, CR, LF...).
        var at = span.LastIndexOf('@');
        if (at <= 0 || at == span.Length - 1 || span[..at].Contains('@') || span.ContainsAny(Forbidden) || span.ContainsAnyInRange('\0', '\u001F') || span.Contains('\u007F'))
        {
            return null;
        }

        return span.ToString().ToLowerInvariant();
    }

    /// <summary>NFKC, without format characters (category Cf: U+200B, U+200D, U+202E, U+FEFF, ...).</summary>
    private static string Fold(string raw)
    {
        var folded = raw.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>The part before the last '@', for an already normalised address.</summary>
    public static string LocalPartOf(string normalizedAddress)
    {
        var at = normalizedAddress.LastIndexOf('@');
        return at < 0 ? normalizedAddress : normalizedAddress[..at];
    }
}
