using System.Buffers;

namespace NetworkSync.Domain.Addresses;

/// <summary>
/// Turns the many spellings of an address seen in mail headers ("<Ana.Abe@Contoso.com>",
/// "'ana.abe@contoso.com'", "mailto:ANA.ABE@contoso.com ") into one comparable key.
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

        var span = raw.AsSpan().Trim();

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

    /// <summary>The part before the last '@', for an already normalised address.</summary>
    public static string LocalPartOf(string normalizedAddress)
    {
        var at = normalizedAddress.LastIndexOf('@');
        return at < 0 ? normalizedAddress : normalizedAddress[..at];
    }
}
