using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;

namespace NetworkSync.App.Features.FollowUps;

/// <summary>Lists a mailbox's follow-ups as users see them: never the withdrawn ones, soonest due first.</summary>
public sealed class FollowUpQuery(FollowUpStore store)
{
    /// <summary><paramref name="filter"/>: "active" (open and snoozed), "open", "snoozed", "done", "dismissed" or "all".</summary>
    public async Task<List<FollowUpView>> ListAsync(string mailboxId, DateTimeOffset asOf, string filter, CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        return records
            .Where(r => r.Status != FollowUpStatus.Withdrawn && Matches(r.StatusAt(asOf), filter))
            .OrderBy(r => r.SnoozedUntil ?? r.Due)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => FollowUpView.From(r, asOf))
            .ToList();
    }

    public static bool IsKnownFilter(string filter) => filter is "active" or "open" or "snoozed" or "done" or "dismissed" or "all";

    private static bool Matches(FollowUpStatus status, string filter) => filter switch
    {
        "active" => status is FollowUpStatus.Open or FollowUpStatus.Snoozed,
        "all" => true,
        _ => status.ToWire() == filter,
    };
}
