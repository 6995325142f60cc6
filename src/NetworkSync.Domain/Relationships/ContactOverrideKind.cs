namespace NetworkSync.Domain.Relationships;

/// <summary>A user's correction to the model about one address (or a pair of addresses).</summary>
public enum ContactOverrideKind
{
    /// <summary>A person, never treated as automated.</summary>
    Person,

    /// <summary>Not a relationship: never flagged or followed up.</summary>
    Muted,

    /// <summary>This address and another are two people, never merged.</summary>
    Apart,

    /// <summary>This address and another are one person.</summary>
    Same,

    /// <summary>Forgotten at the user's request: cut out of everything stored and synced later.</summary>
    Forgotten,
}
