using System.Text;
using System.Text.Json;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// Process-wide table of JSON property names. Items store a small index instead of a name, and a
/// $select is resolved to indexes once per request, so neither loading nor serving compares strings.
/// </summary>
internal static class PropertyNames
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> IndexByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> IndexByChars = IndexByName.GetAlternateLookup<ReadOnlySpan<char>>();
    private static (string Name, JsonEncodedText Encoded)[] _entries = new (string, JsonEncodedText)[64];
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public static string Name(int index) => Volatile.Read(ref _entries)[index].Name;

    public static JsonEncodedText Encoded(int index) => Volatile.Read(ref _entries)[index].Encoded;

    /// <summary>The index of the property name the reader is positioned on.</summary>
    public static int IndexOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 256)
        {
            return IndexOf(reader.GetString()!);
        }

        Span<char> chars = stackalloc char[reader.ValueSpan.Length];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        lock (Gate)
        {
            return IndexByChars.TryGetValue(chars[..length], out var index) ? index : AddLocked(new string(chars[..length]));
        }
    }

    public static int IndexOf(string name)
    {
        lock (Gate)
        {
            return IndexByName.TryGetValue(name, out var index) ? index : AddLocked(name);
        }
    }

    private static int AddLocked(string name)
    {
        if (_count == _entries.Length)
        {
            var bigger = new (string, JsonEncodedText)[_entries.Length * 2];
            _entries.CopyTo(bigger, 0);
            Volatile.Write(ref _entries, bigger);
        }

        _entries[_count] = (name, JsonEncodedText.Encode(name));
        IndexByName[name] = _count;
        Volatile.Write(ref _count, _count + 1);
        return _count - 1;
    }
}
