namespace NetworkSync.Domain.Relationships;

public sealed record RelationshipOptions
{
    /// <summary>Silence after which a real relationship is flagged dormant.</summary>
    public TimeSpan DormantAfter { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Cooling needs at least this much silence ...</summary>
    public TimeSpan CoolingMinimumSilence { get; init; } = TimeSpan.FromDays(30);

    /// <summary>... and silence of at least this many times the relationship's usual gap.</summary>
    public double CoolingGapMultiple { get; init; } = 3;

    /// <summary>Unused since warmth is the fitted model's (docs/relationship-model.md); kept so existing configuration still binds.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(90);

    /// <summary>A sender the owner never writes to who sends at least this many messages is treated as bulk.</summary>
    public int OneWayBulkThreshold { get; init; } = 25;

    /// <summary>Addresses the user has marked as a person: never treated as automated, whatever the signals say.</summary>
    public IReadOnlySet<string>? MarkedAsPerson { get; init; }

    /// <summary>Addresses the user has muted: never listed by default, flagged or followed up.</summary>
    public IReadOnlySet<string>? Muted { get; init; }

    /// <summary>Address pairs the user has said are two different people: never merged.</summary>
    public IReadOnlySet<(string, string)>? KeptApart { get; init; }

    /// <summary>Address pairs the user has confirmed are one person: merged whatever their names.</summary>
    public IReadOnlySet<(string, string)>? ConfirmedMerges { get; init; }

    /// <summary>
    /// The organisation's directory, address by address (every SMTP proxy address of every listed user but the
    /// owner): two addresses of one directory person are one person, with no name needed.
    /// </summary>
    public IReadOnlyDictionary<string, DirectoryPerson>? Directory { get; init; }
}
