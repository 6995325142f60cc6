using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;

namespace NetworkSync.Application.FollowUps;

/// <summary>Lists a mailbox's follow-ups as users see them: never the withdrawn ones, soonest due first.</summary>
public sealed class FollowUpQuery(FollowUpStore store)
{
    public async Task<List<FollowUpView>> ListAsync(string mailboxId, DateTimeOffset asOf, FollowUpFilter filter, CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        return records
            .Where(r => r.Status != FollowUpStatus.Withdrawn && filter.Matches(r.StatusAt(asOf)))
            .OrderBy(r => r.SnoozedUntil ?? r.Due)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => FollowUpView.From(r, asOf))
            .ToList();
    }
}
