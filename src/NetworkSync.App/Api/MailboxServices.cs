using NetworkSync.Application.Contacts;
using NetworkSync.Application.Notifications;
using NetworkSync.Storage;

namespace NetworkSync.App.Api;

/// <summary>What the mailbox-addressed routes of local mode need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class MailboxServices(MailboxStore mailboxes, MissingPermissions missing, ContactScoreCache contacts, NetworkKnowledgeService knowledge, IntroductionService introductions, TimeProvider time)
{
    public IntroductionService Introductions { get; } = introductions;

    public MailboxStore Mailboxes { get; } = mailboxes;

    public MissingPermissions Missing { get; } = missing;

    public ContactScoreCache Contacts { get; } = contacts;

    public NetworkKnowledgeService Knowledge { get; } = knowledge;

    public TimeProvider Time { get; } = time;
}
