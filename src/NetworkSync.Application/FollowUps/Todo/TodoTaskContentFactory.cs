using NetworkSync.Domain.FollowUps;
using NetworkSync.Sync.Todo;

namespace NetworkSync.Application.FollowUps.Todo;

/// <summary>What a follow-up's task in To Do says: its title, when it is due (or snoozed to), and a link back.</summary>
public static class TodoTaskContentFactory
{
    public static TodoTaskContent For(FollowUpRecord record, WorkingSchedule schedule) => new()
    {
        Title = record.Title,
        Due = record.SnoozedUntil ?? record.Due,
        Reminder = record.SnoozedUntil ?? record.Reminder,
        TimeZone = schedule.TimeZone,
        Completed = record.Status is FollowUpStatus.Done or FollowUpStatus.Dismissed,
        ExternalId = record.Id,
        WebUrl = LinkFor(record),
        LinkDisplayName = record.Meeting?.Subject is { Length: > 0 } subject ? subject : record.Title,
    };

    /// <summary>The meeting in Outlook on the web, or a new mail to the person for the others.</summary>
    private static string? LinkFor(FollowUpRecord record) =>
        record.EventId is { } eventId
            ? "https://outlook.office.com/calendar/item/" + Uri.EscapeDataString(eventId)
            : record.Contacts.Count > 0
                ? "https://outlook.office.com/mail/deeplink/compose?to=" + Uri.EscapeDataString(string.Join(';', record.Contacts))
                : null;
}
