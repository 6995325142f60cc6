using NetworkSync.Storage.Entities;
using NetworkSync.Sync;

namespace NetworkSync.Application.Sync;

/// <summary>Work that follows every successful sync of a mailbox (the follow-up rules and To Do write-back).</summary>
public interface IAfterMailboxSync
{
    Task RunAsync(MailboxRow mailbox, GraphConnection graph, CancellationToken cancellationToken);
}
