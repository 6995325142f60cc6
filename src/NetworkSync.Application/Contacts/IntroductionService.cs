using NetworkSync.Application.Context;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts;

/// <summary>Warm paths for the service's callers, from the mailbox's current scores (see <see cref="IntroductionFinder"/>).</summary>
public sealed class IntroductionService(PersonIndexCache indexes)
{
    /// <summary>
    /// From the warm-path index the task pane's answers use (built once per scoring, with the same muted set as
    /// <see cref="Find"/>), so both answer alike and a lookup reads only the target's own messages instead of
    /// indexing the whole mailbox again on every request.
    /// </summary>
    public async Task<IReadOnlyList<WarmPath>> FindAsync(MailboxRow mailbox, string target, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false);
        return index.Introductions.Find(target);
    }

    /// <summary>The warm paths to <paramref name="target"/> in one scoring of a mailbox (every contact, automated ones included, so they can be left out).</summary>
    public static IReadOnlyList<WarmPath> Find(MailboxActivity activity, IReadOnlyList<ContactSummary> contacts, RelationshipOptions options, string target, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        return IntroductionFinder.Find(target, activity.Owner, activity.Messages, activity.Events, contacts, asOf, new IntroductionOptions { Muted = options.Muted });
    }
}
