namespace NetworkSync.Sync.Settings;

/// <summary>The mailbox's own time zone and working hours, as Outlook keeps them in mailboxSettings.</summary>
public sealed record OutlookWorkingHours(string? TimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly? Start, TimeOnly? End);
