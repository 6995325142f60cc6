using System.Collections.Concurrent;
using NetworkSync.Application.Contacts.Organisation;

namespace NetworkSync.Application.Context;

/// <summary>
/// The answers composed from one index, one follow-up list and one view of the organisation, by address. Only addresses of known
/// people are kept (a bounded set); any other address is composed on each request, so callers cannot
/// grow this with made-up addresses.
/// </summary>
internal sealed class ComposedContexts(PersonIndex index, ActiveFollowUps followUps, OrganisationView organisation)
{
    private readonly ConcurrentDictionary<string, PersonContext> byAddress = new(StringComparer.Ordinal);

    public bool Matches(PersonIndex otherIndex, ActiveFollowUps otherFollowUps, OrganisationView otherOrganisation) =>
        ReferenceEquals(index, otherIndex) && ReferenceEquals(followUps, otherFollowUps) && ReferenceEquals(organisation, otherOrganisation);

    public PersonContext ContextOf(string address) =>
        index.PersonOf(address) is null
            ? PersonContextService.Compose(address, index.ProfileOf(address), followUps, index.Introductions, organisation)
            : byAddress.GetOrAdd(address, static (a, state) => PersonContextService.Compose(a, state.index.ProfileOf(a), state.followUps, state.index.Introductions, state.organisation), (index, followUps, organisation));
}
