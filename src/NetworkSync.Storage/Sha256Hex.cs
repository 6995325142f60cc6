using System.Security.Cryptography;
using System.Text;

namespace NetworkSync.Storage;

/// <summary>
/// The form in which values are stored when only their identity matters (opt-outs, subscription secrets):
/// SHA-256 of the UTF-8 text, lower-case hex.
/// </summary>
public static class Sha256Hex
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
