using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts;

/// <summary>Warm paths for the service's callers, from the mailbox's current scores (see <see cref="IntroductionFinder"/>).</summary>
public sealed class IntroductionService(ContactScoreCache scores, ContactListingService scorer)
{
    public async Task<IReadOnlyList<WarmPath>> FindAsync(MailboxRow mailbox, string target, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var snapshot = await scores.GetSnapshotAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false);
        // At the scoring's own time, as the task pane's warm path is, so both answer alike.
        return Find(snapshot.Activity, snapshot.Contacts, scorer.OptionsFor(snapshot.Activity), target, snapshot.AsOf);
    }

    /// <summary>The warm paths to <paramref name="target"/> in one scoring of a mailbox (every contact, automated ones included, so they can be left out).</summary>
    public static IReadOnlyList<WarmPath> Find(MailboxActivity activity, IReadOnlyList<ContactSummary> contacts, RelationshipOptions options, string target, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        return IntroductionFinder.Find(target, activity.Owner, activity.Messages, activity.Events, contacts, asOf, new IntroductionOptions { Muted = options.Muted });
    }
}
