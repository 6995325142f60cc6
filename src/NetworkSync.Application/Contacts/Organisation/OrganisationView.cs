using NetworkSync.Application.Context;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts.Organisation;

/// <summary>
/// One caller's view of the colleagues who agreed to be suggested, each with their current scoring: answers
/// "who in the organisation knows this address?" without I/O. The same instance is handed out while no
/// consent and no scoring changed, so the task pane's composed answers can be kept beside it; an opt-out
/// makes a new one at once (<see cref="OrganisationIntroductionService.Invalidate"/>).
/// </summary>
public sealed class OrganisationView
{
    private readonly PersonIndex? caller;
    private readonly IReadOnlyList<Colleague> colleagues;
    private readonly int maxResults;

    private OrganisationView(PersonIndex? caller, IReadOnlyList<Colleague> colleagues, int maxResults)
    {
        this.caller = caller;
        this.colleagues = colleagues;
        this.maxResults = maxResults;
    }

    /// <summary>Nobody to suggest: the feature is off, or no colleague opted in.</summary>
    public static OrganisationView None { get; } = new(null, [], 1);

    public bool IsEmpty => colleagues.Count == 0;

    internal static OrganisationView Of(PersonIndex caller, IReadOnlyList<(string Id, string Name, PersonIndex Index)> colleagues, int maxResults) =>
        colleagues.Count == 0
            ? None
            : new(caller, colleagues.Select(c => new Colleague(c.Id, c.Name, c.Index, HiddenBy(c.Index))).ToList(), maxResults);

    /// <summary>True when this view was built from exactly these scorings (compared by reference).</summary>
    internal bool Matches(PersonIndex otherCaller, IReadOnlyList<(string Id, string Name, PersonIndex Index)> others)
    {
        if (!ReferenceEquals(caller, otherCaller) || others.Count != colleagues.Count)
        {
            return false;
        }

        for (var i = 0; i < others.Count; i++)
        {
            if (!ReferenceEquals(colleagues[i].Index, others[i].Index) || colleagues[i].Id != others[i].Id || colleagues[i].Name != others[i].Name)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The colleagues who know <paramref name="target"/> (normalised), best first: nothing when the caller muted
    /// or forgot the target, or the target is one of the caller's own addresses.
    /// </summary>
    public IReadOnlyList<OrganisationIntroducer> Find(string target)
    {
        if (caller is null || caller.IsOwn(target) || HiddenBy(caller).Contains(target))
        {
            return [];
        }

        return OrganisationIntroductionFinder.Rank(colleagues.Select(c => TieOf(c, target)), caller.Scored.Activity.Owner.UserId, maxResults);
    }

    private static ColleagueTie TieOf(Colleague colleague, string target)
    {
        var person = colleague.Index.PersonOf(target);
        var hidden = colleague.Hidden.Contains(target) || (person is not null && PersonIndex.AddressesOf(person).Any(colleague.Hidden.Contains));
        return new ColleagueTie(colleague.Id, colleague.Name, person, hidden);
    }

    // What an owner muted or forgot is theirs to keep out of every answer, including the ones given to colleagues.
    private static HashSet<string> HiddenBy(PersonIndex index)
    {
        var hidden = new HashSet<string>(index.Muted, StringComparer.Ordinal);
        foreach (var row in index.Scored.Activity.Overrides)
        {
            if (row.Is(ContactOverrideKind.Forgotten))
            {
                hidden.Add(row.Address);
            }
        }

        return hidden;
    }

    private sealed record Colleague(string Id, string Name, PersonIndex Index, HashSet<string> Hidden);
}
