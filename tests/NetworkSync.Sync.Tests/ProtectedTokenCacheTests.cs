using System.Text;
using Microsoft.AspNetCore.DataProtection;
using NetworkSync.Sync.Authentication;

namespace NetworkSync.Sync.Tests;

public sealed class ProtectedTokenCacheTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("{\"RefreshToken\":{\"secret\":\"0.AAAA-refresh-token-value\"}}");

    [Fact]
    public async Task The_cache_round_trips_but_is_never_written_in_clear()
    {
        var provider = new EphemeralDataProtectionProvider();
        var path = Path.Combine(Path.GetTempPath(), "ns-tokencache-" + Guid.NewGuid().ToString("N"), "cache.bin");
        var cache = new ProtectedTokenCache(provider.CreateProtector(ProtectedTokenCache.Purpose), path);

        await cache.SaveAsync(Secret);

        var onDisk = await File.ReadAllBytesAsync(path);
        Assert.DoesNotContain("refresh-token-value", Encoding.UTF8.GetString(onDisk), StringComparison.Ordinal);
        Assert.Equal(Secret, (await new ProtectedTokenCache(provider.CreateProtector(ProtectedTokenCache.Purpose), path).LoadAsync()).ToArray());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public async Task A_file_from_other_keys_or_tampered_reads_as_an_empty_cache()
    {
        var path = Path.Combine(Path.GetTempPath(), "ns-tokencache-" + Guid.NewGuid().ToString("N"), "cache.bin");
        await new ProtectedTokenCache(new EphemeralDataProtectionProvider().CreateProtector(ProtectedTokenCache.Purpose), path).SaveAsync(Secret);

        var otherKeys = new ProtectedTokenCache(new EphemeralDataProtectionProvider().CreateProtector(ProtectedTokenCache.Purpose), path);
        Assert.True((await otherKeys.LoadAsync()).IsEmpty);

        var provider = new EphemeralDataProtectionProvider();
        var mine = new ProtectedTokenCache(provider.CreateProtector(ProtectedTokenCache.Purpose), path);
        await mine.SaveAsync(Secret);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);
        Assert.True((await mine.LoadAsync()).IsEmpty);
        Assert.True((await new ProtectedTokenCache(provider.CreateProtector(ProtectedTokenCache.Purpose), path + ".missing").LoadAsync()).IsEmpty);
    }
}
