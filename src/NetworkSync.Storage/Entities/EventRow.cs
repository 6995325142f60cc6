namespace NetworkSync.Storage.Entities;

/// <summary>A calendar instance's metadata keyed by Graph (immutable) id; times in UTC milliseconds.</summary>
public sealed class EventRow
{
    public required string MailboxId { get; set; }

    public required string Id { get; set; }

    public long Generation { get; set; }

    public string? SeriesMasterId { get; set; }

    public string Type { get; set; } = "singleInstance";

    public long StartMs { get; set; }

    public long EndMs { get; set; }

    public bool IsAllDay { get; set; }

    public bool IsCancelled { get; set; }

    public bool IsOrganizer { get; set; }

    public int Response { get; set; }

    public string? OrganizerAddress { get; set; }

    public string? OrganizerName { get; set; }

    /// <summary>Attendees as compact JSON (see ParticipantCodec).</summary>
    public string Attendees { get; set; } = "[]";

    public int AttendeeCount { get; set; }

    public string? Subject { get; set; }

    public string? TimeZone { get; set; }
}
