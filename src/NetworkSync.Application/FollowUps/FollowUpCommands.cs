using NetworkSync.Application.Common;
using NetworkSync.Application.Context;
using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Application.FollowUps;

/// <summary>
/// What a user does to their follow-ups (create one by hand, complete, dismiss, reopen, snooze). Every
/// change is stored, drops the cached active follow-ups the task pane reads, and queues a follow-up pass
/// so the To Do task follows at once: one place, so no route can store a change and forget the rest.
/// </summary>
public sealed class FollowUpCommands(FollowUpRunner runner, ActiveFollowUpCache activeFollowUps, IJobScheduler passes)
{
    /// <summary>Stores a follow-up written by hand (kind "manual") for already normalized addresses.</summary>
    public async Task<FollowUpView> CreateAsync(string mailboxId, IReadOnlyList<string> contacts, string title, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = FollowUpLifecycle.CreateManual(mailboxId, Guid.NewGuid(), contacts, title, due, now);
        await runner.AddAsync(mailboxId, record, now, cancellationToken).ConfigureAwait(false);
        Changed(mailboxId);
        return FollowUpView.From(record, now);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the mailbox's follow-up <paramref name="id"/>; null when the
    /// mailbox has no such follow-up (a withdrawn one counts as none, and is left as it is).
    /// </summary>
    public async Task<FollowUpView?> ChangeAsync(string mailboxId, string id, Func<FollowUpRecord, FollowUpRecord> change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await runner.ChangeAsync(mailboxId, id, r => r.Status == FollowUpStatus.Withdrawn ? null : change(r), now, cancellationToken).ConfigureAwait(false);
        if (result is null || result.Status == FollowUpStatus.Withdrawn)
        {
            return null;
        }

        Changed(mailboxId);
        return FollowUpView.From(result, now);
    }

    private void Changed(string mailboxId)
    {
        activeFollowUps.Invalidate(mailboxId);
        passes.QueueFollowUpPass(mailboxId);
    }
}
