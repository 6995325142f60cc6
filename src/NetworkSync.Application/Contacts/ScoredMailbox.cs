using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// One scoring of a mailbox: the activity it was computed from and every relationship (automated ones
/// included) at <see cref="AsOf"/>. A new instance is made each time the scores are recomputed and an
/// instance never changes, so caches of data derived from the scores key on the instance itself.
/// </summary>
public sealed class ScoredMailbox
{
    private static readonly TimeSpan ClockResolution = TimeSpan.FromMinutes(1);

    internal ScoredMailbox(long version, long generation, DateTimeOffset asOf, MailboxActivity activity, IReadOnlyList<ContactSummary> contacts, WarmthModel model)
    {
        Model = model;
        Version = version;
        Generation = generation;
        AsOf = asOf;
        Activity = activity;
        Contacts = contacts;
    }

    public DateTimeOffset AsOf { get; }

    public MailboxActivity Activity { get; }

    /// <summary>The warmth model that scored <see cref="Contacts"/> (fitted on the mailbox, or the built-in weights and why).</summary>
    public WarmthModel Model { get; }

    /// <summary>Warmest first (ties by address), as <see cref="ContactAggregator"/> orders them.</summary>
    public IReadOnlyList<ContactSummary> Contacts { get; }

    /// <summary>The database's data version for the mailbox when the activity was loaded.</summary>
    internal long Version { get; }

    /// <summary>How many times the mailbox's scores had been invalidated when the activity was loaded.</summary>
    internal long Generation { get; }

    /// <summary>
    /// The state an incremental rescore applies the next synced pages to, built from this scoring on
    /// the first page after it and handed on to the scoring that page gives; only the score cache uses
    /// it, under its gate. Null until then, and after a page it could not apply.
    /// </summary>
    internal IncrementalContactScores? Incremental { get; set; }

    internal bool Fresh(long version, long generation, DateTimeOffset asOf) =>
        Version == version && Generation == generation && SameMinute(asOf);

    /// <summary>Whether a scoring at <see cref="AsOf"/> answers for <paramref name="asOf"/> (what the cache lets pass for "now").</summary>
    internal bool SameMinute(DateTimeOffset asOf) => (asOf - AsOf).Duration() < ClockResolution;
}
