namespace NetworkSync.DemoData;

/// <summary>What demo mailbox to generate. The same options always produce byte-identical files.</summary>
public sealed record DemoMailboxOptions
{
    /// <summary>The fewest contacts a demo mailbox can have: the cast needs room for every kind of contact.</summary>
    public const int MinimumContacts = Cast.RosterComposition.MinimumContacts;

    /// <summary>Seeds every random choice; change it for a different but equally realistic mailbox.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The end of the mail history ("now" for the demo); meetings continue three weeks past it.</summary>
    public DateTimeOffset AsOf { get; init; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Number of planted correspondents (people, lists and senders) in the truth file; at least 40.</summary>
    public int Contacts { get; init; } = 300;

    /// <summary>How far back the mail history goes from <see cref="AsOf"/>.</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(730);

    /// <summary>When set, volume is scaled and then trimmed or padded with automated mail so the total message count is exactly this (benchmark: 50 000).</summary>
    public int? TargetMessages { get; init; }

    /// <summary>When set, the calendar has exactly this many <c>calendarView</c> instances (benchmark: 1 000).</summary>
    public int? TargetEvents { get; init; }
}
