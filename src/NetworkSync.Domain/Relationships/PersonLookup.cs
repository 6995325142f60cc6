namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Maps every address the listing knows to its person (the identity rules' merges), so evidence from a
/// person's second address counts for the same person.
/// </summary>
public sealed class PersonLookup
{
    private readonly Dictionary<string, ContactSummary> byAddress;

    private PersonLookup(int capacity) => byAddress = new(capacity, StringComparer.Ordinal);

    public static PersonLookup Of(IReadOnlyList<ContactSummary> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var lookup = new PersonLookup(contacts.Count * 2);
        foreach (var contact in contacts)
        {
            lookup.byAddress[contact.Address] = contact;
        }

        // Merged addresses second, so an address scored on its own is never shadowed by a merge.
        foreach (var contact in contacts)
        {
            foreach (var other in contact.OtherAddresses)
            {
                lookup.byAddress.TryAdd(other, contact);
            }
        }

        return lookup;
    }

    /// <summary>The person's listed address, or the address itself when nobody listed has it.</summary>
    public string KeyOf(string address) => byAddress.TryGetValue(address, out var contact) ? contact.Address : address;

    /// <summary>The scored person an address belongs to, directly or as a merged alias; null when never in contact.</summary>
    public ContactSummary? SummaryOf(string address) => byAddress.GetValueOrDefault(address);
}
