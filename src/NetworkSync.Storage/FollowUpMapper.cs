using System.Text.Json;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>Maps follow-ups between the domain record and their row; lists are stored as JSON.</summary>
public static class FollowUpMapper
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static FollowUpRecord ToRecord(FollowUpRow row) => new()
    {
        Id = row.Id,
        Key = row.Key,
        Kind = FollowUpKindNames.Parse(row.Kind),
        EventId = row.EventId,
        Contacts = JsonSerializer.Deserialize<List<string>>(row.Contacts, Json) ?? [],
        Title = row.Title,
        Due = FromMs(row.DueMs),
        Reminder = row.ReminderMs is { } reminder ? FromMs(reminder) : null,
        Status = FollowUpStatusNames.Parse(row.Status),
        SnoozedUntil = row.SnoozedUntilMs is { } snoozed ? FromMs(snoozed) : null,
        Resolution = row.Resolution,
        CreatedAt = FromMs(row.CreatedMs),
        CompletedAt = row.CompletedMs is { } completed ? FromMs(completed) : null,
        Meeting = row.MeetingStartMs is { } start && row.MeetingEndMs is { } end ? new MeetingReference(row.MeetingSubject, FromMs(start), FromMs(end)) : null,
        Briefing = JsonSerializer.Deserialize<List<BriefingEntry>>(row.Briefing, Json) ?? [],
    };

    /// <summary>Copies the record's content onto the row; the To Do link columns are left alone.</summary>
    public static void CopyTo(FollowUpRecord record, FollowUpRow row)
    {
        row.Key = record.Key;
        row.Kind = record.Kind.ToWire();
        row.EventId = record.EventId;
        row.Contacts = JsonSerializer.Serialize(record.Contacts, Json);
        row.Title = record.Title;
        row.DueMs = record.Due.ToUnixTimeMilliseconds();
        row.ReminderMs = record.Reminder?.ToUnixTimeMilliseconds();
        row.Status = record.Status.ToWire();
        row.SnoozedUntilMs = record.SnoozedUntil?.ToUnixTimeMilliseconds();
        row.Resolution = record.Resolution;
        row.CreatedMs = record.CreatedAt.ToUnixTimeMilliseconds();
        row.CompletedMs = record.CompletedAt?.ToUnixTimeMilliseconds();
        row.MeetingSubject = record.Meeting?.Subject;
        row.MeetingStartMs = record.Meeting?.Start.ToUnixTimeMilliseconds();
        row.MeetingEndMs = record.Meeting?.End.ToUnixTimeMilliseconds();
        row.Briefing = JsonSerializer.Serialize(record.Briefing, Json);
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
