using System.Collections.Concurrent;
using NetworkSync.Application.Contacts;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Context;

/// <summary>
/// Keeps each mailbox's <see cref="PersonIndex"/> beside <see cref="ContactScoreCache"/>'s scoring and
/// rebuilds it exactly when the scores are recomputed (it keys on the scoring instance). The grouped
/// activity, the expensive part, is rebuilt only when the activity was reloaded (a sync committed a page,
/// or the user changed something); a new scoring of the same activity (the clock moved) reuses it.
/// </summary>
public sealed class PersonIndexCache(ContactScoreCache scores)
{
    private readonly ConcurrentDictionary<string, PersonIndex> indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task<PersonIndex> GetAsync(MailboxRow mailbox, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var scored = await scores.GetSnapshotAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false);
        var current = indexes.GetValueOrDefault(mailbox.Id);
        if (current is not null && ReferenceEquals(current.Scored, scored))
        {
            return current;
        }

        var gate = gates.GetOrAdd(mailbox.Id, _ => new SemaphoreSlim(1, 1));

        // While another request builds the index of a new scoring of the same user data, answer with the
        // one being replaced rather than queue (as the scores themselves do); after the user changed
        // something (a new generation) wait, so their change shows.
        if (current is not null && current.Scored.Generation == scored.Generation)
        {
            if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return current;
            }
        }
        else
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            current = indexes.GetValueOrDefault(mailbox.Id);
            if (current is not null && ReferenceEquals(current.Scored, scored))
            {
                return current;
            }

            var activity = current is not null && ReferenceEquals(current.Activity.Activity, scored.Activity)
                ? current.Activity
                : ActivityByAddress.Build(scored.Activity);
            var fresh = PersonIndex.Build(scored, activity);
            indexes[mailbox.Id] = fresh;
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }
}
