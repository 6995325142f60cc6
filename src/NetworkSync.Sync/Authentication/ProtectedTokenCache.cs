using Azure.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace NetworkSync.Sync.Authentication;

/// <summary>
/// The delegated (device code) token cache, kept on disk only encrypted with ASP.NET Core Data
/// Protection, so a restart does not ask the user to sign in again and a copied file reveals no token.
/// A file that cannot be decrypted (other keys, tampering) is treated as an empty cache: sign in again.
/// </summary>
public sealed class ProtectedTokenCache(IDataProtector protector, string path) : UnsafeTokenCacheOptions
{
    public const string Purpose = "NetworkSync.GraphTokenCache.v1";

    /// <summary>Encrypts and writes the cache (atomically: a crash leaves the old file or the new one).</summary>
    public async Task SaveAsync(ReadOnlyMemory<byte> cache)
    {
        var encrypted = protector.Protect(cache.ToArray());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // A temporary file of its own per write, then a rename: concurrent updates never interleave bytes.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(temporary, options))
        {
            await file.WriteAsync(encrypted).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads and decrypts the cache; empty when there is none or it cannot be decrypted.</summary>
    public async Task<ReadOnlyMemory<byte>> LoadAsync()
    {
        if (!File.Exists(path))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        try
        {
            return protector.Unprotect(await File.ReadAllBytesAsync(path).ConfigureAwait(false));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    protected override Task TokenCacheUpdatedAsync(TokenCacheUpdatedArgs tokenCacheUpdatedArgs) =>
        SaveAsync(tokenCacheUpdatedArgs.UnsafeCacheData);

    protected override Task<ReadOnlyMemory<byte>> RefreshCacheAsync() => LoadAsync();
}
