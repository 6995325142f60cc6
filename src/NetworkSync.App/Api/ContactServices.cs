using NetworkSync.Application.Contacts;
using NetworkSync.Application.Context;

namespace NetworkSync.App.Api;

/// <summary>What the caller's contact routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class ContactServices(ContactListQuery contacts, ContactHistoryService history, ContactCorrections corrections)
{
    public ContactListQuery Contacts { get; } = contacts;

    public ContactHistoryService History { get; } = history;

    public ContactCorrections Corrections { get; } = corrections;
}
