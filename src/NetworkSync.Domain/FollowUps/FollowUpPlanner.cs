namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// Reconciles what the rules want with what is stored, and returns only the follow-ups that change.
/// Keys make it idempotent: running it again on its own output changes nothing, however often the
/// mailbox is re-synced.
/// </summary>
public static class FollowUpPlanner
{
    public static IReadOnlyList<FollowUpRecord> Plan(string mailboxId, IReadOnlyList<FollowUpRecord> existing, IEnumerable<FollowUpCandidate> candidates, DateTimeOffset asOf)
    {
        var byKey = existing.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<FollowUpRecord>();
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.Key))
            {
                continue;
            }

            var next = byKey.TryGetValue(candidate.Key, out var current)
                ? Update(current, candidate)
                : Create(mailboxId, candidate, asOf);
            if (current is null || next != current)
            {
                changes.Add(next);
            }
        }

        // A rule-made follow-up still active whose cause is gone (cancelled, declined, the person muted) goes away.
        foreach (var record in existing)
        {
            if (record.Kind != FollowUpKind.Manual && record.IsActive && !seen.Contains(record.Key))
            {
                changes.Add(record with
                {
                    Status = FollowUpStatus.Withdrawn,
                    Resolution = FollowUpResolution.NoLongerApplies,
                    CompletedAt = asOf,
                    SnoozedUntil = null,
                });
            }
        }

        return changes;
    }

    private static FollowUpRecord Create(string mailboxId, FollowUpCandidate candidate, DateTimeOffset asOf)
    {
        var record = new FollowUpRecord
        {
            Id = FollowUpKeys.IdFor(mailboxId, candidate.Key),
            Key = candidate.Key,
            Kind = candidate.Kind,
            EventId = candidate.EventId,
            CreatedAt = asOf,
            Title = candidate.Title,
            Due = candidate.Due,
            Status = FollowUpStatus.Open,
        };
        return Update(record, candidate);
    }

    private static FollowUpRecord Update(FollowUpRecord current, FollowUpCandidate candidate)
    {
        var next = current with
        {
            Contacts = candidate.Contacts,
            Title = candidate.Title,
            Due = candidate.Due,
            Reminder = candidate.Reminder,
            Meeting = candidate.Meeting,
            Briefing = candidate.Briefing,
        };

        // Keep the stored lists when equal, so that an unchanged record compares equal to its old self.
        if (current.Contacts.SequenceEqual(next.Contacts, StringComparer.Ordinal))
        {
            next = next with { Contacts = current.Contacts };
        }

        if (current.Briefing.SequenceEqual(next.Briefing))
        {
            next = next with { Briefing = current.Briefing };
        }

        if (next.Status == FollowUpStatus.Withdrawn)
        {
            // Its cause is back (say, the meeting it was for qualifies again): the same follow-up reopens.
            next = next with { Status = FollowUpStatus.Open, Resolution = null, CompletedAt = null };
        }

        if (candidate.SettledAt is { } settled && next.IsActive)
        {
            next = next with
            {
                Status = FollowUpStatus.Done,
                Resolution = candidate.SettledBecause,
                CompletedAt = settled,
                SnoozedUntil = null,
            };
        }

        return next;
    }
}
