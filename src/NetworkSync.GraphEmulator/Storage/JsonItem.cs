using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// A Graph resource kept as its original UTF-8 JSON, split into top-level properties, so a page of
/// items can be written with only the selected properties copied byte for byte (no re-serialization).
/// Per property it keeps (name index, start, length) in <c>_meta</c>; bytes and metadata may live in
/// shared slabs (<see cref="ItemArena"/>).
/// </summary>
internal sealed class JsonItem
{
    private readonly byte[] _bytes;
    private readonly int[] _meta;
    private readonly int _metaStart;
    private readonly int _count;

    private JsonItem(string id, byte[] bytes, int[] meta, int metaStart, int count)
    {
        Id = id;
        _bytes = bytes;
        _meta = meta;
        _metaStart = metaStart;
        _count = count;
    }

    public string Id { get; }

    /// <summary>
    /// Splits one JSON object into its properties. Fails (with a reason, never an exception) when it is
    /// not an object or has no string <c>id</c>. <c>id</c> and <c>@odata.*</c> annotations are not kept as
    /// properties: the emulator writes its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Hot during fixture loads; skip the slow first JIT tier.
    public static bool TryParse(ReadOnlySpan<byte> utf8Object, ItemArena? arena, out JsonItem? item, out string? reason)
    {
        item = null;
        var reader = new Utf8JsonReader(utf8Object, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            reason = "record is not a JSON object";
            return false;
        }

        string? id = null;
        Span<int> meta = stackalloc int[3 * 64];
        var count = 0;
        List<int>? overflow = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isAnnotation = reader.ValueSpan.StartsWith("@odata."u8);
            var nameIndex = isId || isAnnotation ? -1 : PropertyNames.IndexOf(ref reader);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            if (isId)
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
                {
                    reason = "'id' must be a non-empty string";
                    return false;
                }

                id = reader.GetString();
                continue;
            }

            reader.Skip();
            if (isAnnotation)
            {
                continue;
            }

            var length = (int)reader.BytesConsumed - start;
            if (count < 64)
            {
                meta[3 * count] = nameIndex;
                meta[(3 * count) + 1] = start;
                meta[(3 * count) + 2] = length;
            }
            else
            {
                (overflow ??= []).AddRange([nameIndex, start, length]);
            }

            count++;
        }

        if (id is null)
        {
            reason = "missing 'id'";
            return false;
        }

        var allMeta = overflow is null ? meta[..(3 * count)] : [.. meta, .. overflow];
        var (bytes, byteOffset) = arena?.CopyBytes(utf8Object) ?? (utf8Object.ToArray(), 0);
        if (byteOffset != 0)
        {
            for (var i = 0; i < count; i++)
            {
                allMeta[(3 * i) + 1] += byteOffset;
            }
        }

        var (ints, intOffset) = arena?.CopyInts(allMeta) ?? (allMeta.ToArray(), 0);
        item = new JsonItem(id, bytes, ints, intOffset, count);
        reason = null;
        return true;
    }

    public static bool TryParse(JsonObject node, out JsonItem? item, out string? reason) =>
        TryParse(JsonSerializer.SerializeToUtf8Bytes(node), arena: null, out item, out reason);

    /// <summary>The raw JSON of a property, or empty when the item lacks it.</summary>
    public ReadOnlySpan<byte> Raw(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            var at = _metaStart + (3 * i);
            if (string.Equals(PropertyNames.Name(_meta[at]), name, StringComparison.OrdinalIgnoreCase))
            {
                return _bytes.AsSpan(_meta[at + 1], _meta[at + 2]);
            }
        }

        return [];
    }

    /// <summary>Reads a string property; null when absent, null-valued or not a string.</summary>
    public string? GetString(string name)
    {
        var raw = Raw(name);
        if (raw.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    public JsonTokenType TokenTypeOf(string name)
    {
        var raw = Raw(name);
        if (raw.IsEmpty)
        {
            return JsonTokenType.None;
        }

        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader.TokenType;
    }

    /// <summary>
    /// Writes the properties (all, or only those in <paramref name="select"/>), skipping the one named
    /// <paramref name="overridden"/> because the caller writes it itself.
    /// </summary>
    public void WriteProperties(Utf8JsonWriter writer, SelectList? select, int overridden = -1, int alsoOverridden = -1)
    {
        for (var i = 0; i < _count; i++)
        {
            var at = _metaStart + (3 * i);
            var name = _meta[at];
            if (name == overridden || name == alsoOverridden || (select is not null && !select.Contains(name)))
            {
                continue;
            }

            writer.WritePropertyName(PropertyNames.Encoded(name));
            writer.WriteRawValue(_bytes.AsSpan(_meta[at + 1], _meta[at + 2]), skipInputValidation: true);
        }
    }

    /// <summary>The names of the properties this item has that <paramref name="before"/> lacks or holds with other JSON.</summary>
    public IReadOnlyList<string> ChangedSince(JsonItem before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changed = new List<string>();
        for (var i = 0; i < _count; i++)
        {
            var at = _metaStart + (3 * i);
            var name = PropertyNames.Name(_meta[at]);
            if (!before.Raw(name).SequenceEqual(_bytes.AsSpan(_meta[at + 1], _meta[at + 2])))
            {
                changed.Add(name);
            }
        }

        return changed;
    }

    /// <summary>The item as a mutable JSON object, id included.</summary>
    public JsonObject ToJsonObject()
    {
        var node = new JsonObject { ["id"] = Id };
        for (var i = 0; i < _count; i++)
        {
            var at = _metaStart + (3 * i);
            node[PropertyNames.Name(_meta[at])] = JsonNode.Parse(_bytes.AsSpan(_meta[at + 1], _meta[at + 2]));
        }

        return node;
    }
}
