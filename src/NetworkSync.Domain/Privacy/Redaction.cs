using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Privacy;

/// <summary>
/// How the addresses a mailbox's owner asked to forget are cut out of a message's or an event's
/// participants. A message or event left with no one but the owner is dropped altogether: it no longer
/// says anything about a relationship, and keeping it would keep the trace of the forgotten person.
/// Addresses compare case-insensitively.
/// </summary>
public sealed class Redaction
{
    private readonly HashSet<string> forgotten;
    private readonly HashSet<string> owner;

    public Redaction(IEnumerable<string> forgotten, IEnumerable<string> owner)
    {
        this.forgotten = new HashSet<string>(forgotten, StringComparer.OrdinalIgnoreCase);
        this.owner = new HashSet<string>(owner, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Addresses => forgotten;

    public bool Contains(string? address) => address is not null && forgotten.Contains(address);

    /// <summary>The message without the forgotten participants; itself when none took part; null when no one else is left.</summary>
    public MessageMetadata? Redact(MessageMetadata message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (from, recipients, changed, keep) = Redact(message.From, message.Recipients);
        return !changed ? message : keep ? message with { From = from, Recipients = recipients } : null;
    }

    /// <summary>The event without the forgotten participants; itself when none took part; null when no one else is left.</summary>
    public EventMetadata? Redact(EventMetadata meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var (organizer, attendees, changed, keep) = Redact(meeting.Organizer, meeting.Attendees);
        return !changed ? meeting : keep ? meeting with { Organizer = organizer, Attendees = attendees } : null;
    }

    /// <summary>A message's participants without the forgotten ones; <c>Keep</c> is false when no one but the owner is left.</summary>
    public (Participant? From, IReadOnlyList<Recipient> Recipients, bool Changed, bool Keep) Redact(Participant? from, IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var keptFrom = Contains(from?.Address) ? null : from;
        var kept = recipients.Where(r => !Contains(r.Who.Address)).ToList();
        var changed = !ReferenceEquals(keptFrom, from) || kept.Count != recipients.Count;
        return (keptFrom, kept, changed, SomeoneElse(keptFrom, kept.Select(r => r.Who)));
    }

    /// <summary>An event's participants without the forgotten ones; <c>Keep</c> is false when no one but the owner is left.</summary>
    public (Participant? Organizer, IReadOnlyList<Attendee> Attendees, bool Changed, bool Keep) Redact(Participant? organizer, IReadOnlyList<Attendee> attendees)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var keptOrganizer = Contains(organizer?.Address) ? null : organizer;
        var kept = attendees.Where(a => !Contains(a.Who.Address)).ToList();
        var changed = !ReferenceEquals(keptOrganizer, organizer) || kept.Count != attendees.Count;
        return (keptOrganizer, kept, changed, SomeoneElse(keptOrganizer, kept.Select(a => a.Who)));
    }

    private bool SomeoneElse(Participant? first, IEnumerable<Participant> rest) =>
        (first is not null && !owner.Contains(first.Address)) || rest.Any(p => !string.IsNullOrEmpty(p.Address) && !owner.Contains(p.Address));
}
