using System.Globalization;
using System.Text;

namespace NetworkSync.Domain.Relationships.JobChanges;

/// <summary>
/// The organisation an address's domain stands for: its registrable name (mail.adatum.com and adatum.co.uk are
/// both "adatum"), so an alias inside one organisation is never a move, and a readable name for it
/// (adatum.com → Adatum, fourth-coffee.com → Fourth Coffee). Consumer mail (gmail, outlook.com, icloud…) is
/// no organisation: a personal address says nothing about where someone works.
/// </summary>
public static class OrganisationDomain
{
    // Matched on the registrable name, not the whole domain, so gmail.com, gmail.co.uk and the demo's
    // gmail.example are all consumer mail.
    private static readonly HashSet<string> ConsumerNames = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "passport", "yahoo", "ymail", "rocketmail",
        "icloud", "me", "mac", "aol", "proton", "protonmail", "pm", "gmx", "web", "mail", "yandex", "zoho",
        "fastmail", "hey", "tutanota", "tuta", "comcast", "btinternet", "sky", "orange", "free", "laposte",
        "qq", "163", "126", "naver", "rediffmail",
    };

    // Second-level labels under which the registrable name is one label further left (adatum.co.uk).
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal)
    {
        "co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "ne", "or",
    };

    /// <summary>The domain of an address (after its last @), lower case; empty when it has none.</summary>
    public static string DomainOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at < 0 ? string.Empty : address[(at + 1)..].ToLowerInvariant();
    }

    /// <summary>"adatum" for adatum.com, mail.adatum.com and adatum.co.uk; empty for a domain without a dot.</summary>
    public static string KeyOf(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var labels = domain.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return string.Empty;
        }

        var name = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? labels[^3] : labels[^2];
        return name;
    }

    /// <summary>Whether the domain is personal mail rather than an organisation's (or has no name at all).</summary>
    public static bool IsConsumer(string domain)
    {
        var key = KeyOf(domain);
        return key.Length == 0 || ConsumerNames.Contains(key);
    }

    /// <summary>"Adatum" for adatum.com, "Fourth Coffee" for fourth-coffee.com.</summary>
    public static string NameOf(string domain)
    {
        var key = KeyOf(domain);
        var name = new StringBuilder(key.Length);
        var startOfWord = true;
        foreach (var c in key)
        {
            if (c is '-' or '_')
            {
                name.Append(' ');
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            startOfWord = false;
        }

        return name.ToString();
    }
}
