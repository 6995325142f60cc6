namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>The changes a subscription asks for (Graph's comma-separated <c>changeType</c>).</summary>
[Flags]
internal enum ChangeTypes
{
    None = 0,
    Created = 1,
    Updated = 2,
    Deleted = 4,
}

internal static class ChangeTypeList
{
    /// <summary>
    /// Parses "created,updated" (case-insensitive, spaces allowed, repeats ignored) into flags and the
    /// text Graph echoes back (lower case, in the order given). False for an empty list or an unknown name.
    /// </summary>
    public static bool TryParse(string? text, out ChangeTypes types, out string canonical)
    {
        types = ChangeTypes.None;
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var names = new List<string>(3);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            ChangeTypes type;
            if (part.Equals("created", StringComparison.OrdinalIgnoreCase))
            {
                type = ChangeTypes.Created;
            }
            else if (part.Equals("updated", StringComparison.OrdinalIgnoreCase))
            {
                type = ChangeTypes.Updated;
            }
            else if (part.Equals("deleted", StringComparison.OrdinalIgnoreCase))
            {
                type = ChangeTypes.Deleted;
            }
            else
            {
                return false;
            }

            if ((types & type) == 0)
            {
                types |= type;
                names.Add(Name(type));
            }
        }

        canonical = string.Join(',', names);
        return true;
    }

    /// <summary>The name of one change, as a notification's <c>changeType</c> carries it.</summary>
    public static string Name(ChangeTypes single) => single switch
    {
        ChangeTypes.Created => "created",
        ChangeTypes.Updated => "updated",
        ChangeTypes.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(single), single, "Exactly one change type is expected."),
    };
}
