namespace NetworkSync.Domain.FollowUps;

/// <summary>What the user can do to a follow-up, as pure transitions; each returns the new state.</summary>
public static class FollowUpLifecycle
{
    /// <summary>Marks it done; a follow-up already done stays as it is (when and why it was done are history).</summary>
    public static FollowUpRecord Complete(FollowUpRecord record, DateTimeOffset at, string resolution = FollowUpResolution.User)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status == FollowUpStatus.Done
            ? record
            : record with { Status = FollowUpStatus.Done, Resolution = resolution, CompletedAt = at, SnoozedUntil = null };
    }

    /// <summary>Dismisses it; a follow-up already dismissed stays as it is.</summary>
    public static FollowUpRecord Dismiss(FollowUpRecord record, DateTimeOffset at, string resolution = FollowUpResolution.User)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Status == FollowUpStatus.Dismissed
            ? record
            : record with { Status = FollowUpStatus.Dismissed, Resolution = resolution, CompletedAt = at, SnoozedUntil = null };
    }

    /// <summary>Hides it until <paramref name="until"/>, when it is open again; the time must be ahead.</summary>
    public static FollowUpRecord Snooze(FollowUpRecord record, DateTimeOffset at, DateTimeOffset until)
    {
        if (until <= at)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A snooze must end in the future.");
        }

        return record with { Status = FollowUpStatus.Snoozed, SnoozedUntil = until, Resolution = null, CompletedAt = null };
    }

    public static FollowUpRecord Reopen(FollowUpRecord record) =>
        record with { Status = FollowUpStatus.Open, SnoozedUntil = null, Resolution = null, CompletedAt = null };

    /// <summary>A follow-up the user writes by hand; never touched by the rules.</summary>
    public static FollowUpRecord CreateManual(string mailboxId, Guid id, IReadOnlyList<string> contacts, string title, DateTimeOffset due, DateTimeOffset at)
    {
        var key = FollowUpKeys.Manual(id);
        return new FollowUpRecord
        {
            Id = FollowUpKeys.IdFor(mailboxId, key),
            Key = key,
            Kind = FollowUpKind.Manual,
            Contacts = contacts,
            Title = title,
            Due = due,
            Reminder = due,
            CreatedAt = at,
        };
    }
}
