using NetworkSync.Application.Contacts;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.FollowUps;

/// <summary>
/// Runs the follow-up rules for a mailbox and applies the user's actions, one at a time per mailbox,
/// so a rule run never overwrites an action taken while it computed.
/// </summary>
public sealed class FollowUpRunner(
    FollowUpStore store,
    MailboxStore mailboxes,
    ContactScoreCache scores,
    FollowUpServiceOptions options,
    KeyedLocks locks)
{
    private const string RunStateKey = SyncStateKeys.FollowUps;


    /// <summary>
    /// Runs every rule at <paramref name="asOf"/>. Never runs backwards: asked for a time before the last
    /// run (an older --as-of), it changes nothing, since rules would misread a past they already acted on.
    /// </summary>
    public async Task<FollowUpRunSummary> RunAsync(MailboxRow mailbox, FollowUpPreferences preferences, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        var last = await mailboxes.GetSyncStateAsync(mailbox.Id, RunStateKey, cancellationToken).ConfigureAwait(false);
        if (last is not null && asOf.ToUnixTimeMilliseconds() < last.UpdatedMs)
        {
            return FollowUpRunSummary.NothingRun;
        }

        var (activity, contacts) = await scores.GetScoredAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false);
        var existing = await store.ListAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        var changes = FollowUpEngine.Run(new FollowUpInputs
        {
            MailboxId = mailbox.Id,
            Owner = activity.Owner,
            AsOf = asOf,
            Events = activity.Events,
            Messages = activity.Messages,
            Contacts = contacts,
            Existing = existing,
            Schedule = preferences.Schedule,
            Options = options.Rules,
        });
        await store.SaveAsync(mailbox.Id, changes, asOf, cancellationToken).ConfigureAwait(false);
        await mailboxes.SaveSyncStateAsync(new SyncStateRow { MailboxId = mailbox.Id, Collection = RunStateKey, UpdatedMs = asOf.ToUnixTimeMilliseconds() }, cancellationToken).ConfigureAwait(false);
        return FollowUpRunSummary.From(changes, existing.ToDictionary(r => r.Key, StringComparer.Ordinal));
    }

    /// <summary>
    /// Applies one change to one follow-up under the mailbox's lock. <paramref name="change"/> returns the
    /// new state, or null to leave it as it is. Returns the stored state afterwards, or null if there is none.
    /// </summary>
    public async Task<FollowUpRecord?> ChangeAsync(string mailboxId, string id, Func<FollowUpRecord, FollowUpRecord?> change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        var current = await store.FindAsync(mailboxId, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        var next = change(current);
        if (next is null || next == current)
        {
            return current;
        }

        await store.SaveAsync(mailboxId, [next], now, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Stores a follow-up the user wrote by hand.</summary>
    public async Task AddAsync(string mailboxId, FollowUpRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var _ = await locks.AcquireAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(mailboxId, [record], now, cancellationToken).ConfigureAwait(false);
    }
}
