using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;

namespace NetworkSync.App.Features.FollowUps;

/// <summary>Lists a mailbox's follow-ups as users see them: never the withdrawn ones, soonest due first.</summary>
public sealed class FollowUpQuery(SqliteDatabase database)
{
    private readonly FollowUpStore store = new(database);

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

    /// <summary>The filters GET /api/followups?status= accepts; "active" is the default.</summary>
    public static IReadOnlyList<string> Filters { get; } = ["active", "open", "snoozed", "done", "dismissed", "all"];

    public static bool IsKnownFilter(string filter) => Filters.Contains(filter, StringComparer.Ordinal);

    private static bool Matches(FollowUpStatus status, string filter) => filter switch
    {
        "active" => status is FollowUpStatus.Open or FollowUpStatus.Snoozed,
        "all" => true,
        _ => status.ToWire() == filter,
    };
}
