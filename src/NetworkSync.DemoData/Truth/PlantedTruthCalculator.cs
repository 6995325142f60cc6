using NetworkSync.DemoData.Calendar;
using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Truth;

/// <summary>
/// Derives each contact's truth from the generated mail and calendar, so the flags agree with the data exactly,
/// whatever the generator intended. The rules are the ones documented in README.md:
/// <list type="bullet">
/// <item>a message is contact when the owner (any address) sends it with the contact (any address) in To/Cc, or the
/// contact sends it with the owner in To/Cc (mail that reaches the owner only through a list does not count);</item>
/// <item>a meeting is contact when it started by as-of, is not cancelled, the owner did not decline, it has at most
/// <see cref="LargestPersonalMeeting"/> people (rooms aside), and the contact organised it or did not decline;</item>
/// <item>a relationship is real with at least <see cref="RealRelationshipConversations"/> conversations in which both
/// wrote, or at least one meeting together;</item>
/// <item>dormant: real, and the last contact is more than <see cref="DormancyDays"/> days before as-of;</item>
/// <item>cooling: real, not dormant, silent for at least 30 days and at least three median gaps between days of contact.</item>
/// </list>
/// </summary>
internal static class PlantedTruthCalculator
{
    public const int DormancyDays = 180;

    public const int LargestPersonalMeeting = 20;

    public const int RealRelationshipConversations = 2;

    private const int ShortestCoolingSilenceDays = 30;

    private const double CoolingGapMultiple = 3;

    public static List<ContactTruth> Compute(DemoCast cast, IReadOnlyList<GeneratedMessage> messages, IReadOnlyList<GeneratedEvent> events, MailboxPeriod period)
    {
        var owner = cast.Owner;
        var activities = cast.Contacts.Select(_ => new ContactActivity()).ToArray();
        var byAddress = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in cast.Contacts)
        {
            byAddress[contact.Primary.Address] = contact.Index;
            foreach (var other in contact.OtherAddresses)
            {
                byAddress[other] = contact.Index;
            }
        }

        foreach (var message in messages)
        {
            if (owner.Owns(message.From.Address))
            {
                // One message counts once per contact, even if both of their addresses are on it.
                foreach (var index in ContactsAmong(message.To.Concat(message.Cc), byAddress))
                {
                    activities[index].RecordOutbound(message.ConversationId, message.Sent);
                }
            }
            else if (byAddress.TryGetValue(message.From.Address, out var sender)
                     && message.To.Concat(message.Cc).Any(address => owner.Owns(address.Address)))
            {
                activities[sender].RecordInbound(message.ConversationId, message.Sent);
            }
        }

        foreach (var calendarEvent in events)
        {
            var people = calendarEvent.Attendees.Count(attendee => attendee.Type != "resource");
            if (calendarEvent.IsCancelled || calendarEvent.Start > period.AsOf || calendarEvent.OwnerResponse == ResponsePicker.Declined
                || people > LargestPersonalMeeting)
            {
                continue;
            }

            var present = calendarEvent.Attendees
                .Where(attendee => attendee.Type != "resource" && attendee.Response != ResponsePicker.Declined)
                .Select(attendee => attendee.Address)
                .Append(calendarEvent.Organizer);
            foreach (var index in ContactsAmong(present, byAddress))
            {
                activities[index].RecordMeeting(calendarEvent.Start);
            }
        }

        return cast.Contacts.Select(contact => Describe(contact, activities[contact.Index], period)).ToList();
    }

    private static ContactTruth Describe(PlantedContact contact, ContactActivity activity, MailboxPeriod period)
    {
        var real = activity.TwoWayConversations >= RealRelationshipConversations || activity.MeetingsTogether > 0;
        var silenceDays = activity.LastContact is { } last ? (period.AsOf - last).TotalDays : double.PositiveInfinity;
        var dormant = real && silenceDays > DormancyDays;
        var medianGap = activity.MedianGapDays();
        var cooling = real && !dormant && medianGap is not null
                      && silenceDays >= ShortestCoolingSilenceDays && silenceDays >= CoolingGapMultiple * medianGap.Value;
        return new ContactTruth(
            contact.Primary.Address,
            contact.Primary.Name,
            contact.Kind.ToWireName(),
            contact.CurrentStrength(period.AsOf),
            contact.Kind.IsAutomated(),
            dormant,
            cooling,
            contact.OtherAddresses.ToList(),
            activity.LastContact);
    }

    private static IEnumerable<int> ContactsAmong(IEnumerable<MailAddress> addresses, Dictionary<string, int> byAddress) =>
        addresses.Select(address => byAddress.TryGetValue(address.Address, out var index) ? index : -1)
            .Where(index => index >= 0)
            .Distinct();
}
