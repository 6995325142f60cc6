using Microsoft.Data.Sqlite;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Storage;

/// <summary>
/// The addresses a mailbox's owner asked NetworkSync to forget ("forgotten" contact overrides), and how
/// they are cut out of a message's or an event's participants. Used both when forgetting (to rewrite the
/// stored rows) and by <see cref="MetadataWriter"/> on every page Graph sends afterwards, so a later sync,
/// even a full re-enumeration, never stores them again. A message or event left with no one but the
/// owner is dropped altogether.
/// </summary>
public sealed class ForgottenAddresses
{
    public const string OverrideKind = "forgotten";

    private readonly HashSet<string> forgotten;
    private readonly HashSet<string> owner;

    public ForgottenAddresses(IEnumerable<string> forgotten, IEnumerable<string> owner)
    {
        this.forgotten = new HashSet<string>(forgotten, StringComparer.OrdinalIgnoreCase);
        this.owner = new HashSet<string>(owner, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Addresses => forgotten;

    public bool Contains(string? address) => address is not null && forgotten.Contains(address);

    /// <summary>The mailbox's forgotten addresses with its own, or null when it forgot no one (the usual case).</summary>
    public static ForgottenAddresses? Load(SqliteConnection connection, SqliteTransaction? transaction, string mailboxId)
    {
        var addresses = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT Address FROM ContactOverrides WHERE MailboxId = $m AND Kind = $k;";
            command.Parameters.AddWithValue("$m", mailboxId);
            command.Parameters.AddWithValue("$k", OverrideKind);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                addresses.Add(reader.GetString(0));
            }
        }

        return addresses.Count == 0 ? null : new ForgottenAddresses(addresses, OwnerAddresses(connection, transaction, mailboxId));
    }

    /// <summary>The owner's primary address and aliases, as stored on the mailbox row.</summary>
    public static IReadOnlyList<string> OwnerAddresses(SqliteConnection connection, SqliteTransaction? transaction, string mailboxId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Mail, Aliases FROM Mailboxes WHERE Id = $m;";
        command.Parameters.AddWithValue("$m", mailboxId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return [];
        }

        var result = new List<string> { reader.GetString(0) };
        result.AddRange(reader.GetString(1).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return result;
    }

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

    public (Participant? From, IReadOnlyList<Recipient> Recipients, bool Changed, bool Keep) Redact(Participant? from, IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var keptFrom = Contains(from?.Address) ? null : from;
        var kept = recipients.Where(r => !Contains(r.Who.Address)).ToList();
        var changed = !ReferenceEquals(keptFrom, from) || kept.Count != recipients.Count;
        return (keptFrom, kept, changed, SomeoneElse(keptFrom, kept.Select(r => r.Who)));
    }

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
