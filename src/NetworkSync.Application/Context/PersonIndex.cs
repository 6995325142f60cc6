using System.Collections.Concurrent;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Context;

/// <summary>
/// One scoring of a mailbox made searchable by address: which person an address belongs to (merged
/// aliases included), which addresses are muted, and each person's profile, worked out the first time
/// it is asked for and then kept as long as this scoring is current.
/// </summary>
public sealed class PersonIndex
{
    private readonly PersonLookup people;
    private readonly ConcurrentDictionary<string, PersonProfile> profiles = new(StringComparer.Ordinal);
    private readonly Lazy<IntroductionIndex> introductions;

    private PersonIndex(ScoredMailbox scored, ActivityByAddress activity, PersonLookup people, HashSet<string> muted)
    {
        Scored = scored;
        Activity = activity;
        this.people = people;
        Muted = muted;

        // Built on the first question for a stranger or a cold contact, once per scoring.
        introductions = new Lazy<IntroductionIndex>(
            () => IntroductionIndex.Build(scored.Activity.Owner, scored.Activity.Messages, scored.Activity.Events, people, scored.AsOf, new IntroductionOptions { Muted = muted }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Who can introduce the owner to whom, in this scoring (<see cref="IntroductionIndex"/>).</summary>
    public IntroductionIndex Introductions => introductions.Value;

    /// <summary>The scoring this index was built from (compared by reference to know when to rebuild).</summary>
    public ScoredMailbox Scored { get; }

    public ActivityByAddress Activity { get; }

    /// <summary>The addresses the user muted, scored or not.</summary>
    public IReadOnlySet<string> Muted { get; }

    public DateTimeOffset AsOf => Scored.AsOf;

    /// <param name="activity">The grouped activity of <paramref name="scored"/>'s own activity (reused across scorings of the same load).</param>
    public static PersonIndex Build(ScoredMailbox scored, ActivityByAddress activity)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(activity);
        var muted = scored.Activity.Overrides.Where(o => o.Is(ContactOverrideKind.Muted)).Select(o => o.Address).ToHashSet(StringComparer.Ordinal);
        return new PersonIndex(scored, activity, PersonLookup.Of(scored.Contacts), muted);
    }

    /// <summary>The scored person an address belongs to, directly or as a merged alias; null when never in contact.</summary>
    public ContactSummary? PersonOf(string address) => people.SummaryOf(address);

    public bool IsOwn(string address) => Scored.Activity.Owner.IsOwn(address);

    /// <summary>
    /// The profile of the person behind <paramref name="address"/>. Known people's profiles are kept;
    /// an unknown address (no past interaction, maybe a meeting ahead) is worked out each time, so
    /// arbitrary addresses asked about never grow the cache.
    /// </summary>
    public PersonProfile ProfileOf(string address)
    {
        if (PersonOf(address) is not { } person)
        {
            return PersonProfile.Build(null, [address], Activity, Muted, AsOf);
        }

        return profiles.GetOrAdd(person.Address, static (_, state) =>
            PersonProfile.Build(state.person, AddressesOf(state.person), state.index.Activity, state.index.Muted, state.index.AsOf), (person, index: this));
    }

    /// <summary>A person's addresses: the one they are known under, then the ones merged into it.</summary>
    public static IReadOnlyList<string> AddressesOf(ContactSummary person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.OtherAddresses.Count == 0 ? [person.Address] : [person.Address, .. person.OtherAddresses];
    }
}
