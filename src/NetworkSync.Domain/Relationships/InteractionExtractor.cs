using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Relationships;

/// <summary>Derives who the owner interacted with from message and meeting metadata.</summary>
public static class InteractionExtractor
{
    /// <summary>Meetings with more people than this (the owner included, rooms aside) are crowds, not contact.</summary>
    public const int LargestDirectMeeting = 20;

    public static void FromMessage(MessageMetadata message, MailboxIdentity owner, ICollection<Interaction> sink)
    {
        if (message.IsDraft)
        {
            return;
        }

        var audience = 0;
        foreach (var recipient in message.Recipients)
        {
            if (recipient.Role != RecipientRole.Bcc)
            {
                audience++;
            }
        }

        audience = Math.Max(1, audience);
        if (owner.IsOwn(message.From?.Address))
        {
            foreach (var recipient in message.Recipients)
            {
                if (!owner.IsOwn(recipient.Who.Address))
                {
                    var role = recipient.Role switch { RecipientRole.Cc => InteractionRole.Cc, RecipientRole.Bcc => InteractionRole.Bcc, _ => InteractionRole.To };
                    sink.Add(new Interaction(recipient.Who.Address, recipient.Who.DisplayName, InteractionDirection.Outbound, message.SentAt, audience, message.Id, Direct: true, message.ConversationId, role));
                }
            }
        }
        else if (message.From is { } from)
        {
            // Named in To or Cc: written to. Otherwise the mail came through a list or a Bcc.
            var role = InteractionRole.NotAddressed;
            foreach (var recipient in message.Recipients)
            {
                if (owner.IsOwn(recipient.Who.Address) && recipient.Role != RecipientRole.Bcc)
                {
                    role = recipient.Role == RecipientRole.To ? InteractionRole.To : role == InteractionRole.To ? role : InteractionRole.Cc;
                }
            }

            var addressed = role != InteractionRole.NotAddressed;
            sink.Add(new Interaction(from.Address, from.DisplayName, InteractionDirection.Inbound, message.ReceivedAt, audience, message.Id, addressed, message.ConversationId, role));
        }
    }

    /// <summary>
    /// The other people on mail someone else sent the owner: each To and Cc recipient who is neither
    /// the owner nor the sender is a <see cref="InteractionDirection.CoRecipient"/> (copied together: a
    /// weak tie, which lets everyone the owner has seen be scored). Kept apart from
    /// <see cref="FromMessage"/>, whose interactions are the owner's own contact.
    /// </summary>
    public static void CoRecipientsOf(MessageMetadata message, MailboxIdentity owner, ICollection<Interaction> sink)
    {
        if (message.IsDraft || message.From is not { } from || owner.IsOwn(from.Address))
        {
            return;
        }

        var audience = 0;
        var ownerRole = InteractionRole.NotAddressed;
        foreach (var recipient in message.Recipients)
        {
            if (recipient.Role != RecipientRole.Bcc)
            {
                audience++;
                if (owner.IsOwn(recipient.Who.Address))
                {
                    ownerRole = recipient.Role == RecipientRole.To || ownerRole == InteractionRole.To ? InteractionRole.To : InteractionRole.Cc;
                }
            }
        }

        foreach (var recipient in message.Recipients)
        {
            var address = recipient.Who.Address;
            if (recipient.Role != RecipientRole.Bcc && !owner.IsOwn(address) && !string.Equals(address, from.Address, StringComparison.Ordinal))
            {
                sink.Add(new Interaction(address, recipient.Who.DisplayName, InteractionDirection.CoRecipient, message.ReceivedAt, Math.Max(1, audience), message.Id, Direct: false, message.ConversationId, ownerRole));
            }
        }
    }

    /// <summary>
    /// A meeting counts once it has ended, if it was not cancelled and the owner did not decline it.
    /// Rooms and equipment are not people.
    /// </summary>
    public static void FromEvent(EventMetadata meeting, MailboxIdentity owner, DateTimeOffset asOf, ICollection<Interaction> sink)
    {
        if (meeting.IsCancelled || meeting.Response == AttendeeResponse.Declined || meeting.End > asOf || meeting.Type == "seriesMaster")
        {
            return;
        }

        var people = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (meeting.Organizer is { } organizer && !owner.IsOwn(organizer.Address))
        {
            people[organizer.Address] = organizer.DisplayName;
        }

        foreach (var attendee in meeting.Attendees)
        {
            if (attendee.Kind != AttendeeKind.Resource && !owner.IsOwn(attendee.Who.Address) && attendee.Response != AttendeeResponse.Declined)
            {
                people.TryAdd(attendee.Who.Address, attendee.Who.DisplayName);
            }
        }

        var direct = people.Count + 1 <= LargestDirectMeeting;
        var ownerRole = meeting.IsOrganizer || meeting.Response == AttendeeResponse.Organizer ? InteractionRole.Organizer
            : meeting.Response == AttendeeResponse.TentativelyAccepted ? InteractionRole.Tentative
            : InteractionRole.Attendee;
        foreach (var (address, name) in people)
        {
            sink.Add(new Interaction(address, name, InteractionDirection.Meeting, meeting.Start, people.Count, meeting.Id, direct, Role: ownerRole));
        }
    }
}
