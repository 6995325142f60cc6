using System.Collections.Frozen;

namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// Mail domains anyone can sign up to: an address there says nothing about the organisation someone
/// works for, so the organisations view leaves them out. A short list of the big providers, not a registry.
/// </summary>
public static class ConsumerDomains
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com",
        "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
        "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com", "yandex.com",
        "fastmail.com", "hey.com",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The providers' own names, so a provider under another top-level domain ("gmail.de", "outlook.fr", and
    // the demo's "gmail.example") is one too; only as the whole name before the top-level domain (or before
    // "co.uk"-style second levels), so a company's "outlook.contoso.com" is not.
    private static readonly FrozenSet<string> Providers = new[]
    {
        "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "yahoo", "ymail", "icloud", "aol", "proton",
        "protonmail", "gmx", "yandex", "fastmail",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a consumer mail provider's domain (lower case, as normalised addresses have it).</summary>
    public static bool Contains(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (Known.Contains(domain))
        {
            return true;
        }

        var labels = domain.Split('.');
        return Providers.Contains(labels[0])
            && (labels.Length == 2 || (labels.Length == 3 && labels[1] is "co" or "com"));
    }

    /// <summary>The domain part of a normalised address ("ana@contoso.com" → "contoso.com"); null without one.</summary>
    public static string? DomainOf(string normalizedAddress)
    {
        ArgumentNullException.ThrowIfNull(normalizedAddress);
        var at = normalizedAddress.LastIndexOf('@');
        return at < 0 || at == normalizedAddress.Length - 1 ? null : normalizedAddress[(at + 1)..];
    }
}
