using NetworkSync.Domain.Relationships;

namespace NetworkSync.Storage.Entities;

/// <summary>Stored contact overrides as the domain's typed <see cref="ContactOverrideKind"/> and <see cref="UserCorrection"/>.</summary>
public static class ContactOverrideCorrections
{
    /// <summary>The row's kind, or null for a kind this version does not know.</summary>
    public static ContactOverrideKind? KindOf(this ContactOverrideRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return ContactOverrideKindNames.FromWire(row.Kind);
    }

    public static bool Is(this ContactOverrideRow row, ContactOverrideKind kind) => row.KindOf() == kind;

    /// <summary>The rows of a known kind, as corrections the relationship rules apply.</summary>
    public static IEnumerable<UserCorrection> AsCorrections(this IEnumerable<ContactOverrideRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.KindOf() is { } kind)
            {
                yield return new UserCorrection(kind, row.Address, row.OtherAddress);
            }
        }
    }
}
