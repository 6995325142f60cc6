using System.Security.Cryptography;
using System.Text;
using NetworkSync.Storage;

namespace NetworkSync.Application.Notifications;

/// <summary>
/// The clientState of a subscription: a random secret Graph echoes in every notification, so a post that
/// lacks it did not come from Graph for that subscription. Only its SHA-256 is stored.
/// </summary>
public static class ClientStateSecret
{
    /// <summary>Graph accepts at most 128 characters; 32 random bytes in base64url are 43.</summary>
    public const int MaxLength = 128;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Sha256Hex.Of(secret);

    /// <summary>Whether <paramref name="presented"/> is the secret behind <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string? presented, string storedHash)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxLength)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
