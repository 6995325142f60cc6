using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// What a $skiptoken or $deltatoken stands for. Like Graph's, the token carries the whole query state
/// (collection, $select, calendar window) so follow-up URLs need nothing else.
/// A skiptoken walks changes in (<see cref="After"/>, <see cref="UpTo"/>] of a round that reports changes
/// since <see cref="Since"/>; a deltatoken starts the next round from <see cref="Since"/>.
/// <see cref="Flags"/> came later: it is written after the window, and a token without it reads as none.
/// </summary>
internal sealed record DeltaState(
    DeltaCollectionKind Kind,
    string Epoch,
    string UserId,
    string CollectionId,
    long Since,
    long UpTo,
    long After,
    string? Select,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DeltaFlags Flags = DeltaFlags.None)
{
    private const byte Version = 1;

    public string Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write((byte)Kind);
            writer.Write(Epoch);
            writer.Write(UserId);
            writer.Write(CollectionId);
            writer.Write(Since);
            writer.Write(UpTo);
            writer.Write(After);
            writer.Write(Select ?? string.Empty);
            writer.Write(WindowStart.UtcTicks);
            writer.Write(WindowEnd.UtcTicks);
            writer.Write((byte)Flags);
        }

        var payload = stream.ToArray();
        var withChecksum = new byte[payload.Length + 4];
        payload.CopyTo(withChecksum, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(withChecksum.AsSpan(payload.Length), Checksum(payload));
        return Base64Url.EncodeToString(withChecksum);
    }

    /// <summary>null when the token is not one this emulator wrote (garbled, truncated, foreign).</summary>
    public static DeltaState? TryDecode(string token)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(token);
            if (bytes.Length < 5)
            {
                return null;
            }

            var payload = bytes.AsSpan(0, bytes.Length - 4);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)) != Checksum(payload))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return null;
            }

            var kind = (DeltaCollectionKind)reader.ReadByte();
            var epoch = reader.ReadString();
            var user = reader.ReadString();
            var collection = reader.ReadString();
            var since = reader.ReadInt64();
            var upTo = reader.ReadInt64();
            var after = reader.ReadInt64();
            var select = reader.ReadString();
            var start = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var end = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var flags = reader.BaseStream.Position < reader.BaseStream.Length ? (DeltaFlags)reader.ReadByte() : DeltaFlags.None;
            return new DeltaState(kind, epoch, user, collection, since, upTo, after, select.Length == 0 ? null : select, start, end, flags);
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or ArgumentException or IOException)
        {
            return null;
        }
    }

    // FNV-1a: enough to tell a garbled token (400) from a valid but stale one (410).
    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}

internal enum DeltaCollectionKind : byte
{
    Messages = 1,
    CalendarView = 2,
    TodoTasks = 3,
}

/// <summary>Query options a delta round keeps beyond $select.</summary>
[Flags]
internal enum DeltaFlags : byte
{
    None = 0,

    /// <summary>$expand=linkedResources (To Do tasks).</summary>
    ExpandLinkedResources = 1,

    /// <summary>The page this token starts is served a second time (<see cref="GraphEmulatorOptions.ReplayDeltaPages"/>).</summary>
    ReplayingPage = 2,
}
