using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.Context;

namespace NetworkSync.App.Api;

/// <summary>What the caller's contact routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class ContactServices(ContactListQuery contacts, ContactHistoryService history, ContactCorrections corrections, IntroductionService introductions, OrganisationIntroductionService organisation, TimeProvider time)
{
    public IntroductionService Introductions { get; } = introductions;

    public OrganisationIntroductionService Organisation { get; } = organisation;

    public TimeProvider Time { get; } = time;

    public ContactListQuery Contacts { get; } = contacts;

    public ContactHistoryService History { get; } = history;

    public ContactCorrections Corrections { get; } = corrections;
}
