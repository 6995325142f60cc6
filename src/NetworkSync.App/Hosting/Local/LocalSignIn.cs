using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// How a browser or the Outlook task pane signs in to local mode without any page handing out a
/// credential: the service prints a URL with a sign-in token (new every run, never served), and
/// opening it trades the token for an HttpOnly, SameSite=Strict session cookie. The task pane inside
/// Outlook runs in another browser that never sees that cookie, so a signed-in dashboard shows a
/// pairing code, entered once in the pane and kept in its roaming settings.
/// </summary>
public sealed class LocalSignIn
{
    public const string CookieName = "NetworkSync.Session";
    public const string TokenParameter = "token";

    private readonly byte[] token;
    private readonly byte[] pairingCode;
    private readonly ConcurrentDictionary<string, byte> sessions = new(StringComparer.Ordinal);

    public LocalSignIn(LocalApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Token = RandomText(32);
        token = Encoding.UTF8.GetBytes(Token);

        // Derived from the install's key, so it survives restarts (the pane is paired once) and is not the key itself.
        var derived = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Value), "networksync task-pane pairing v1"u8);
        PairingCode = string.Join('-', Convert.ToHexString(derived, 0, 15).Chunk(5).Select(c => new string(c)));
        pairingCode = Encoding.UTF8.GetBytes(PairingCode);
    }

    /// <summary>This run's sign-in token: printed on the console inside the URL to open, never served.</summary>
    public string Token { get; }

    /// <summary>The code a paired task pane sends in the key header; shown only to a signed-in caller.</summary>
    public string PairingCode { get; }

    public bool TokenMatches(string? candidate) => Same(candidate, token);

    public bool PairingCodeMatches(string? candidate) =>
        candidate is not null && Same(candidate.Trim().ToUpperInvariant(), pairingCode);

    /// <summary>A new session id for the cookie; sessions last as long as this run.</summary>
    public string StartSession()
    {
        var id = RandomText(32);
        sessions[id] = 0;
        return id;
    }

    public bool IsSession(string? id) => id is not null && sessions.ContainsKey(id);

    private static bool Same(string? candidate, byte[] expected) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), expected);

    private static string RandomText(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
