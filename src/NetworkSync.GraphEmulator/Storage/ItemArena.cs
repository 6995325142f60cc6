namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// Hands out pieces of large shared arrays for item bytes and property metadata. Loading 50k messages
/// as tens of small long-lived arrays each made the GC spend most of the load promoting them; large
/// slabs live on the large object heap and are never copied. Not thread-safe: one per loader.
/// </summary>
internal sealed class ItemArena
{
    private const int ByteSlabSize = 4 << 20;
    private const int IntSlabSize = 1 << 20;

    private byte[] _bytes = [];
    private int _bytesUsed;
    private int[] _ints = [];
    private int _intsUsed;

    public (byte[] Slab, int Offset) CopyBytes(ReadOnlySpan<byte> source)
    {
        if (source.Length > ByteSlabSize / 8)
        {
            return (source.ToArray(), 0);
        }

        if (_bytesUsed + source.Length > _bytes.Length)
        {
            _bytes = new byte[ByteSlabSize];
            _bytesUsed = 0;
        }

        var offset = _bytesUsed;
        source.CopyTo(_bytes.AsSpan(offset));
        _bytesUsed += source.Length;
        return (_bytes, offset);
    }

    public (int[] Slab, int Offset) CopyInts(ReadOnlySpan<int> source)
    {
        if (source.Length > IntSlabSize / 8)
        {
            return (source.ToArray(), 0);
        }

        if (_intsUsed + source.Length > _ints.Length)
        {
            _ints = new int[IntSlabSize];
            _intsUsed = 0;
        }

        var offset = _intsUsed;
        source.CopyTo(_ints.AsSpan(offset));
        _intsUsed += source.Length;
        return (_ints, offset);
    }
}
