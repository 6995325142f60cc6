using System.Globalization;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.FollowUps;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;
using NetworkSync.Domain.Time;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Settings;

/// <summary>
/// The caller's own settings (GET/PUT /api/settings): read as the values in effect, stored as the user's
/// choice in <see cref="MailboxSettingsRow"/>. A new dormant threshold re-scores the mailbox at once.
/// </summary>
public sealed class UserSettingsService(
    MailboxSettingsStore settings,
    ContactOverrideStore overrides,
    ContactListingService scorer,
    ContactScoreCache scores,
    OrganisationIntroductionService organisation,
    FollowUpServiceOptions followUpOptions,
    RunMode mode,
    TimeProvider time)
{
    public const int MinDormantDays = 30;
    public const int MaxDormantDays = 1095;

    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];


    public async Task<SettingsView> GetAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var row = await settings.GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores what <paramref name="update"/> gives (checked with <see cref="Validate"/> first) and answers the settings now in effect.</summary>
    public async Task<SettingsView> UpdateAsync(MailboxRow mailbox, SettingsUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(update);
        if (Validate(update).Count > 0)
        {
            throw new ArgumentException("The settings are not valid; call Validate first.", nameof(update));
        }

        var row = await settings.UpdateAsync(mailbox.Id, r =>
        {
            if (update.DormantDays is { } days)
            {
                r.DormantDays = days;
            }

            if (update.WorkingHours is { } hours)
            {
                r.UserTimeZone = hours.TimeZone!.Trim();
                r.UserWorkingDays = FollowUpPreferences.FormatDays(ParseDays(hours.Days!)!);
                r.UserWorkStart = ParseTime(hours.Start)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
                r.UserWorkEnd = ParseTime(hours.End)!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
            }

            if (update.WaitingDays is { } waiting)
            {
                r.WaitingDays = waiting;
            }

            if (update.TodoEnabled is { } todo)
            {
                r.TodoEnabled = todo;
            }

            if (update.SuggestAsIntroducer is { } suggest)
            {
                r.SuggestAsIntroducer = suggest;
            }
        }, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        // The scores carry the settings they were computed with (the dormant threshold): compute again.
        await scores.InvalidateEverywhereAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);

        // Consent changes for every colleague's next answer, kept ones included: an opt-out shows at once.
        if (update.SuggestAsIntroducer is not null)
        {
            organisation.Invalidate();
        }

        return await ViewAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is wrong with <paramref name="update"/>, by field (empty when it can be stored).</summary>
    public static Dictionary<string, string[]> Validate(SettingsUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (update.DormantDays is { } days && days is < MinDormantDays or > MaxDormantDays)
        {
            errors["dormantDays"] = [$"Give a whole number of days from {MinDormantDays} to {MaxDormantDays}."];
        }

        if (update.WaitingDays is { } waiting && waiting is < AwaitingReply.MinDays or > AwaitingReply.MaxDays)
        {
            errors["waitingDays"] = [$"Give a whole number of days from {AwaitingReply.MinDays} to {AwaitingReply.MaxDays}."];
        }

        if (update.WorkingHours is not { } hours)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(hours.TimeZone) || (DateTimeTimeZoneConverter.Find(hours.TimeZone) is null && !hours.TimeZone.Trim().Equals("UTC", StringComparison.OrdinalIgnoreCase)))
        {
            errors["workingHours.timeZone"] = ["Give a Windows (\"Pacific Standard Time\") or IANA (\"America/Los_Angeles\") time zone, or \"UTC\"."];
        }

        if (hours.Days is not { Count: > 0 } given || ParseDays(given) is null)
        {
            errors["workingHours.days"] = ["Give at least one day, as lower-case day names (\"monday\" ... \"sunday\")."];
        }

        var start = ParseTime(hours.Start);
        var end = ParseTime(hours.End);
        if (start is null)
        {
            errors["workingHours.start"] = ["Give the start of the working day as \"HH:mm\"."];
        }

        if (end is null)
        {
            errors["workingHours.end"] = ["Give the end of the working day as \"HH:mm\"."];
        }
        else if (start is not null && start >= end)
        {
            errors["workingHours.end"] = ["The working day must end after it starts."];
        }

        return errors;
    }

    private async Task<SettingsView> ViewAsync(MailboxSettingsRow row, CancellationToken cancellationToken)
    {
        var preferences = FollowUpPreferences.Resolve(row, followUpOptions, mode.Demo);
        var schedule = preferences.Schedule;
        var corrections = await overrides.ListAsync(row.MailboxId, cancellationToken).ConfigureAwait(false);
        var dormantDays = row.DormantDays ?? (int)Math.Round(scorer.DefaultDormantAfter.TotalDays);
        var days = Week.Where(schedule.Days.Contains).Select(d => d.ToString().ToLowerInvariant()).ToList();
        return new SettingsView(
            dormantDays,
            new WorkingHoursView(schedule.TimeZone, days, schedule.Start.ToString("HH:mm", CultureInfo.InvariantCulture), schedule.End.ToString("HH:mm", CultureInfo.InvariantCulture)),
            preferences.TodoEnabled,
            corrections.Where(o => o.Is(ContactOverrideKind.Muted)).Select(o => o.Address).Order(StringComparer.Ordinal).ToList(),
            corrections.Where(o => o.Is(ContactOverrideKind.Person)).Select(o => o.Address).Order(StringComparer.Ordinal).ToList(),
            row.SuggestAsIntroducer ?? false,
            organisation.Enabled,
            row.WaitingDays ?? AwaitingReply.DefaultDays);
    }

    /// <summary>Day names (any case) in week order, Monday first, each once; null when any is not a day name.</summary>
    private static List<DayOfWeek>? ParseDays(IReadOnlyList<string?> days)
    {
        var parsed = new HashSet<DayOfWeek>();
        foreach (var day in days)
        {
            var match = Week.Where(d => string.Equals(d.ToString(), day?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1)
            {
                return null;
            }

            parsed.Add(match[0]);
        }

        return parsed.Count == 0 ? null : Week.Where(parsed.Contains).ToList();
    }

    private static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}
