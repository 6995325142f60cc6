using System.Text;

namespace NetworkSync.Domain.Addresses;

/// <summary>
/// A comparable key for a display name: case, quotes, "Last, First" order and trailing tags such as
/// "(External)" or "[Contoso]" are ignored. Names of a single word ("Info", "Ana") give no key: too
/// weak to say two addresses are one person.
/// </summary>
public static class PersonNameKey
{
    public static string? From(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var text = new StringBuilder(displayName.Length);
        var depth = 0;
        foreach (var ch in displayName)
        {
            if (ch is '(' or '[')
            {
                depth++;
            }
            else if (ch is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                text.Append(char.IsLetterOrDigit(ch) || ch == '-' ? char.ToLowerInvariant(ch) : ' ');
            }
        }

        var tokens = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return null;
        }

        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }
}
