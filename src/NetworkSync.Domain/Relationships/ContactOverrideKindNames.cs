namespace NetworkSync.Domain.Relationships;

/// <summary>The names the database, the API routes and the settings use for each <see cref="ContactOverrideKind"/>.</summary>
public static class ContactOverrideKindNames
{
    public const string Person = "person";
    public const string Muted = "muted";
    public const string Apart = "apart";
    public const string Same = "same";
    public const string Forgotten = "forgotten";

    public static string ToWire(this ContactOverrideKind kind) => kind switch
    {
        ContactOverrideKind.Person => Person,
        ContactOverrideKind.Muted => Muted,
        ContactOverrideKind.Apart => Apart,
        ContactOverrideKind.Same => Same,
        ContactOverrideKind.Forgotten => Forgotten,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind named <paramref name="wire"/>, or null for a name that is none.</summary>
    public static ContactOverrideKind? FromWire(string? wire) => wire switch
    {
        Person => ContactOverrideKind.Person,
        Muted => ContactOverrideKind.Muted,
        Apart => ContactOverrideKind.Apart,
        Same => ContactOverrideKind.Same,
        Forgotten => ContactOverrideKind.Forgotten,
        _ => null,
    };

    /// <summary>Apart and same name a pair of addresses; the others one address.</summary>
    public static bool IsPair(this ContactOverrideKind kind) => kind is ContactOverrideKind.Apart or ContactOverrideKind.Same;

    /// <summary>The kind that says the opposite (person and muted, apart and same), which setting one replaces.</summary>
    public static ContactOverrideKind? Opposite(this ContactOverrideKind kind) => kind switch
    {
        ContactOverrideKind.Person => ContactOverrideKind.Muted,
        ContactOverrideKind.Muted => ContactOverrideKind.Person,
        ContactOverrideKind.Apart => ContactOverrideKind.Same,
        ContactOverrideKind.Same => ContactOverrideKind.Apart,
        _ => null,
    };
}
