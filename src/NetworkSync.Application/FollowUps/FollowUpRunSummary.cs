using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Application.FollowUps;

/// <summary>What one run of the rules changed in one mailbox.</summary>
public sealed record FollowUpRunSummary(int Created, int Settled, int Withdrawn, int Updated, bool Skipped)
{
    public static FollowUpRunSummary From(IReadOnlyCollection<FollowUpRecord> changes, IReadOnlyDictionary<string, FollowUpRecord> before)
    {
        int created = 0, settled = 0, withdrawn = 0, updated = 0;
        foreach (var change in changes)
        {
            if (!before.TryGetValue(change.Key, out var old))
            {
                created++;
            }
            else if (change.Status == FollowUpStatus.Withdrawn && old.Status != FollowUpStatus.Withdrawn)
            {
                withdrawn++;
            }
            else if (change.Status == FollowUpStatus.Done && old.Status != FollowUpStatus.Done)
            {
                settled++;
            }
            else
            {
                updated++;
            }
        }

        return new FollowUpRunSummary(created, settled, withdrawn, updated, false);
    }

    public static FollowUpRunSummary NothingRun { get; } = new(0, 0, 0, 0, true);
}
