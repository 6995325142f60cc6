namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// The property names of a <c>$select</c>, compared case-insensitively as Graph does. Answers by
/// property-name index (see <see cref="PropertyNames"/>), caching each answer so a page of a thousand
/// items costs one array lookup per property.
/// </summary>
internal sealed class SelectList
{
    private readonly HashSet<string> _names;
    private sbyte[] _byIndex = [];

    private SelectList(IEnumerable<string> names)
    {
        _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        Text = string.Join(',', _names);
    }

    /// <summary>The normalized list as it is stored in state tokens.</summary>
    public string Text { get; }

    /// <summary>null when the request selected nothing (all properties are returned).</summary>
    public static SelectList? Parse(string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return null;
        }

        var names = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length == 0 ? null : new SelectList(names);
    }

    /// <summary>A list of exactly these names (possibly none, which selects nothing but the id).</summary>
    public static SelectList Only(IEnumerable<string> names) => new(names);

    public bool Contains(string name) => _names.Contains(name);

    public bool Contains(int nameIndex)
    {
        if (nameIndex >= _byIndex.Length)
        {
            Array.Resize(ref _byIndex, Math.Max(PropertyNames.Count, nameIndex + 1));
        }

        var known = _byIndex[nameIndex];
        if (known == 0)
        {
            known = _names.Contains(PropertyNames.Name(nameIndex)) ? (sbyte)1 : (sbyte)-1;
            _byIndex[nameIndex] = known;
        }

        return known > 0;
    }
}
