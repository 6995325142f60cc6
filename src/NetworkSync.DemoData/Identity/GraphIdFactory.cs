using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Identity;

/// <summary>
/// Issues Graph-looking opaque ids (<c>AAMkAD…</c>) that are unique and stable for a seed.
/// </summary>
/// <remarks>
/// The first 8 bytes of every id are a bijective scramble of a counter, so two ids from one factory can never
/// collide; the remaining bytes only make the id look like Exchange's. Real ids are opaque to clients, so
/// nothing may read meaning into them.
/// </remarks>
internal sealed class GraphIdFactory
{
    private readonly ulong _key;
    private ulong _counter;

    public GraphIdFactory(int seed, string scope)
    {
        _key = StableHash.Combine(unchecked((ulong)seed), StableHash.OfString(scope));
    }

    /// <summary>An item id (message or event), as Exchange mints them.</summary>
    public string NextItemId() => "AAMkAD" + NextOpaque(32);

    public string NextConversationId() => "AAQkAD" + NextOpaque(24);

    /// <summary>An RFC 5322 Message-ID in the style of the sender's mail system.</summary>
    public string NextInternetMessageId(string senderAddress)
    {
        var domain = senderAddress[(senderAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var unique = StableHash.Mix(_key ^ ++_counter);
        var noise = StableHash.Combine(_key, _counter);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"<{unique:X16}{noise & 0xFFFFFF:X6}@{domain}>");
    }

    /// <summary>A stable id for a named thing (a folder, the user) that does not consume the counter.</summary>
    public static string NamedOpaque(int seed, string name, int bytes)
    {
        var buffer = new byte[bytes];
        var key = StableHash.Combine(unchecked((ulong)seed), StableHash.OfString(name));
        Fill(buffer, key);
        return Base64Url.EncodeToString(buffer);
    }

    /// <summary>A GUID-shaped id derived from a seed, as Entra user object ids look.</summary>
    public static string GuidFor(int seed, string name)
    {
        var buffer = new byte[16];
        Fill(buffer, StableHash.Combine(unchecked((ulong)seed), StableHash.OfString(name)));
        buffer[7] = (byte)((buffer[7] & 0x0F) | 0x40); // version 4 nibble, as real object ids carry
        buffer[8] = (byte)((buffer[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(buffer).ToString("D");
    }

    private string NextOpaque(int bytes)
    {
        var buffer = new byte[bytes];
        var unique = StableHash.Mix(_key ^ ++_counter);
        BinaryPrimitives.WriteUInt64BigEndian(buffer, unique);
        Fill(buffer.AsSpan(8), StableHash.Combine(_key, unique));
        return Base64Url.EncodeToString(buffer);
    }

    private static void Fill(Span<byte> buffer, ulong key)
    {
        var state = key;
        Span<byte> word = stackalloc byte[8];
        for (var offset = 0; offset < buffer.Length; offset += 8)
        {
            state = StableHash.Mix(state + 0x9E3779B97F4A7C15UL);
            BinaryPrimitives.WriteUInt64BigEndian(word, state);
            word[..Math.Min(8, buffer.Length - offset)].CopyTo(buffer[offset..]);
        }
    }
}
