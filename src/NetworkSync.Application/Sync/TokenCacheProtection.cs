using Microsoft.AspNetCore.DataProtection;
using NetworkSync.Sync.Authentication;

namespace NetworkSync.Application.Sync;

/// <summary>
/// How a delegated (device-code) sign-in's token cache is encrypted at rest. `serve` has Data Protection
/// keys (<see cref="From"/>); a one-shot verb keeps no token cache (<see cref="None"/>), so signs in each run.
/// </summary>
public sealed class TokenCacheProtection
{
    private TokenCacheProtection(IDataProtector? protector) => Protector = protector;

    public static TokenCacheProtection None { get; } = new(null);

    /// <summary>The protector for the token cache, or null when no cache is kept.</summary>
    public IDataProtector? Protector { get; }

    public static TokenCacheProtection From(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(provider.CreateProtector(ProtectedTokenCache.Purpose));
    }
}
