using System.Data.Common;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Privacy;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>
/// The addresses a mailbox's owner asked NetworkSync to forget ("forgotten" contact overrides), loaded
/// from the database, and the <see cref="Redaction"/> rule that cuts them out of a message's or an event's
/// participants. Used both when forgetting (to rewrite the stored rows) and by <see cref="MetadataWriter"/>
/// on every page Graph sends afterwards, so a later sync, even a full re-enumeration, never stores them
/// again.
/// </summary>
public sealed class ForgottenAddresses
{
    public const string OverrideKind = ContactOverrideKindNames.Forgotten;

    private readonly Redaction redaction;

    public ForgottenAddresses(IEnumerable<string> forgotten, IEnumerable<string> owner)
    {
        redaction = new Redaction(forgotten, owner);
    }

    public IReadOnlyCollection<string> Addresses => redaction.Addresses;

    public bool Contains(string? address) => redaction.Contains(address);

    /// <summary>The mailbox's forgotten addresses with its own, or null when it forgot no one (the usual case).</summary>
    public static ForgottenAddresses? Load(DbConnection connection, DbTransaction? transaction, string mailboxId)
    {
        var addresses = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT Address FROM ContactOverrides WHERE MailboxId = @m AND Kind = @k;";
            command.AddParameter("@m", mailboxId);
            command.AddParameter("@k", OverrideKind);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                addresses.Add(reader.GetString(0));
            }
        }

        return addresses.Count == 0 ? null : new ForgottenAddresses(addresses, OwnerAddresses(connection, transaction, mailboxId));
    }

    /// <summary>The owner's primary address and aliases, as stored on the mailbox row.</summary>
    public static IReadOnlyList<string> OwnerAddresses(DbConnection connection, DbTransaction? transaction, string mailboxId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Mail, Aliases FROM Mailboxes WHERE Id = @m;";
        command.AddParameter("@m", mailboxId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return [];
        }

        var result = new List<string> { reader.GetString(0) };
        result.AddRange(MailboxAliases.Split(reader.GetString(1)));
        return result;
    }

    /// <inheritdoc cref="Redaction.Redact(MessageMetadata)"/>
    public MessageMetadata? Redact(MessageMetadata message) => redaction.Redact(message);

    /// <inheritdoc cref="Redaction.Redact(EventMetadata)"/>
    public EventMetadata? Redact(EventMetadata meeting) => redaction.Redact(meeting);

    /// <inheritdoc cref="Redaction.Redact(Participant?, IReadOnlyList{Recipient})"/>
    public (Participant? From, IReadOnlyList<Recipient> Recipients, bool Changed, bool Keep) Redact(Participant? from, IReadOnlyList<Recipient> recipients) =>
        redaction.Redact(from, recipients);

    /// <inheritdoc cref="Redaction.Redact(Participant?, IReadOnlyList{Attendee})"/>
    public (Participant? Organizer, IReadOnlyList<Attendee> Attendees, bool Changed, bool Keep) Redact(Participant? organizer, IReadOnlyList<Attendee> attendees) =>
        redaction.Redact(organizer, attendees);
}
