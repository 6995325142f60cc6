using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>Issues opaque random bearer tokens and remembers what each one grants.</summary>
internal sealed class AccessTokens(TimeSpan lifetime, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, AccessGrant> _grants = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public string Issue(string? userId, string? clientId = null)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _grants[token] = new AccessGrant(userId, clock.GetUtcNow() + lifetime, clientId);
        return token;
    }

    public TokenCheck Check(string? authorization, out AccessGrant? grant)
    {
        grant = null;
        const string Scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || authorization.Length == Scheme.Length)
        {
            return TokenCheck.Missing;
        }

        if (!_grants.TryGetValue(authorization[Scheme.Length..].Trim(), out grant))
        {
            return TokenCheck.Unknown;
        }

        return grant.ExpiresAt <= clock.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid;
    }
}

internal enum TokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
}
