using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.FollowUps;

/// <summary>
/// The settings that apply to one mailbox: the user's own choice first, then the mailbox's Outlook
/// settings, then configuration.
/// </summary>
public sealed record FollowUpPreferences(WorkingSchedule Schedule, bool TodoEnabled)
{
    public static FollowUpPreferences Resolve(MailboxSettingsRow row, FollowUpServiceOptions options, bool demoMode)
    {
        var fallback = options.Schedule;
        var schedule = new WorkingSchedule
        {
            TimeZone = row.UserTimeZone ?? row.OutlookTimeZone ?? fallback.TimeZone,
            Days = ParseDays(row.UserWorkingDays) ?? ParseDays(row.OutlookWorkingDays) ?? fallback.Days,
            Start = ParseTime(row.UserWorkStart) ?? ParseTime(row.OutlookWorkStart) ?? fallback.Start,
            End = ParseTime(row.UserWorkEnd) ?? ParseTime(row.OutlookWorkEnd) ?? fallback.End,
        };
        return new FollowUpPreferences(schedule, row.TodoEnabled ?? options.TodoWriteBack ?? demoMode);
    }

    public static string FormatDays(IEnumerable<DayOfWeek> days) =>
        string.Join(',', days.Select(d => d.ToString().ToLowerInvariant()));

    private static List<DayOfWeek>? ParseDays(string? days)
    {
        if (string.IsNullOrWhiteSpace(days))
        {
            return null;
        }

        var parsed = days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? day : (DayOfWeek?)null)
            .Where(d => d is not null)
            .Select(d => d!.Value)
            .Distinct()
            .ToList();
        return parsed.Count > 0 ? parsed : null;
    }

    private static TimeOnly? ParseTime(string? time) =>
        TimeOnly.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
