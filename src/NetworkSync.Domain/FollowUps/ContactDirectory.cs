using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// Finds the scored relationship behind any of a person's addresses, and says whether an address is a
/// person at all: not the user, not a robot, list or muted sender.
/// </summary>
public sealed class ContactDirectory
{
    private readonly Dictionary<string, ContactSummary> byAddress = new(StringComparer.Ordinal);
    private readonly MailboxIdentity owner;

    public ContactDirectory(IEnumerable<ContactSummary> contacts, MailboxIdentity owner)
    {
        this.owner = owner;
        foreach (var contact in contacts)
        {
            byAddress[contact.Address] = contact;
            foreach (var other in contact.OtherAddresses)
            {
                byAddress.TryAdd(other, contact);
            }
        }
    }

    public ContactSummary? Find(string address) => byAddress.GetValueOrDefault(address);

    /// <summary>
    /// A known address is a person unless scoring found it automated (which includes muted and bulk
    /// senders, and honours "mark as person"); an unknown one unless it looks like a robot or a list.
    /// </summary>
    public bool IsPerson(string address) =>
        !owner.IsOwn(address)
        && (Find(address) is { } known ? !known.Automated : !AutomatedSenderClassifier.LooksAutomated(address));
}
