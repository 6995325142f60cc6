using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Cast;

/// <summary>Everyone in the demo mailbox: the owner, the planted contacts, and bystanders who only fill broadcasts.</summary>
internal sealed class DemoCast
{
    private readonly Dictionary<ContactKind, List<PlantedContact>> _byKind;

    public DemoCast(MailboxOwner owner, IReadOnlyList<PlantedContact> contacts, IReadOnlyList<MailAddress> bystanders)
    {
        Owner = owner;
        Contacts = contacts;
        Bystanders = bystanders;
        _byKind = contacts.GroupBy(contact => contact.Kind).ToDictionary(group => group.Key, group => group.ToList());
    }

    public MailboxOwner Owner { get; }

    public IReadOnlyList<PlantedContact> Contacts { get; }

    /// <summary>
    /// Staff with no tie to the owner. They exist so the all-staff town hall can have 200 attendees and all-staff
    /// mail its long Cc lists; they are listed in the truth as <c>bystanders</c>, not as contacts.
    /// </summary>
    public IReadOnlyList<MailAddress> Bystanders { get; }

    public IReadOnlyList<PlantedContact> OfKind(ContactKind kind) =>
        _byKind.TryGetValue(kind, out var list) ? list : [];

    public PlantedContact WithRole(ContactRole role) => Contacts.First(contact => contact.Role == role);

    public IEnumerable<PlantedContact> AllWithRole(ContactRole role) => Contacts.Where(contact => contact.Role == role);

    /// <summary>
    /// People who plausibly share a group thread or meeting with the owner and <paramref name="contact"/> at an
    /// instant: colleagues with colleagues, clients with their own company and close colleagues, friends with friends.
    /// Only people with a two-way rhythm qualify, so one-way and noise correspondents never join a conversation.
    /// </summary>
    public List<PlantedContact> CircleOf(PlantedContact contact, DateTimeOffset instant)
    {
        IEnumerable<PlantedContact> candidates;
        if (contact.IsColleagueAt(instant))
        {
            candidates = OfKind(ContactKind.Colleague).Concat(OfKind(ContactKind.FormerColleague))
                .Where(other => other.IsColleagueAt(instant));
        }
        else if (contact.Kind == ContactKind.Client)
        {
            candidates = OfKind(ContactKind.Client).Where(other => other.Organisation == contact.Organisation)
                .Concat(OfKind(ContactKind.Colleague).Where(other => other.PeakStrength >= 0.4));
        }
        else if (contact.Kind == ContactKind.Friend)
        {
            candidates = OfKind(ContactKind.Friend);
        }
        else if (contact.Kind == ContactKind.FormerColleague)
        {
            candidates = OfKind(ContactKind.Colleague).Where(other => other.PeakStrength >= 0.5);
        }
        else
        {
            return [];
        }

        return candidates.Where(other => other != contact && other.IsActiveAt(instant)).ToList();
    }
}
