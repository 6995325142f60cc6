using NetworkSync.Application.Contacts;
using NetworkSync.Storage;

namespace NetworkSync.App.Api;

/// <summary>What the mailbox-addressed override routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class ContactOverrideServices(MailboxStore mailboxes, ContactCorrections corrections)
{
    public MailboxStore Mailboxes { get; } = mailboxes;

    public ContactCorrections Corrections { get; } = corrections;
}
