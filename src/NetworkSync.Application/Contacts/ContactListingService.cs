using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts;

/// <summary>Reads a mailbox's stored metadata and scores its relationships as of a given time.</summary>
public sealed class ContactListingService(
    MetadataReader reader,
    ContactOverrideStore overrides,
    MailboxSettingsStore settings,
    MailboxStore mailboxes,
    MailboxWarmthModels models,
    RelationshipOptions relationshipOptions)
{
    /// <summary>Each mailbox's warmth model, fitted on its own history and stored with its data.</summary>
    public MailboxWarmthModels Models { get; } = models;

    public async Task<IReadOnlyList<ContactSummary>> ListAsync(MailboxRow mailbox, DateTimeOffset asOf, bool includeAutomated, CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
        return Score(activity, asOf, includeAutomated);
    }

    public async Task<MailboxActivity> LoadAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        var owner = mailbox.Identity();
        var messages = new List<MessageMetadata>();
        await foreach (var message in reader.ReadMessagesAsync(mailbox.Id, cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message);
        }

        var bulkSenders = BulkSenderDetector.Senders(messages);

        var events = new List<EventMetadata>();
        await foreach (var meeting in reader.ReadEventsAsync(mailbox.Id, cancellationToken).ConfigureAwait(false))
        {
            events.Add(meeting);
        }

        var corrections = await overrides.ListAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        var chosen = await settings.GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        var directory = DirectoryOf(await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false), owner);
        return new MailboxActivity(owner, messages, events, bulkSenders, corrections, chosen, directory);
    }

    /// <summary>
    /// Every other listed user's addresses (primary and SMTP proxies), for identity evidence. Ordered by id so
    /// that an address listed twice (which Exchange does not allow) resolves the same way every time.
    /// </summary>
    public static IReadOnlyDictionary<string, DirectoryPerson> DirectoryOf(IEnumerable<MailboxRow> users, MailboxIdentity owner)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(owner);
        var directory = new Dictionary<string, DirectoryPerson>(StringComparer.Ordinal);
        foreach (var user in users.Where(u => u.Id != owner.UserId).OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var person = new DirectoryPerson(user.Id, user.DisplayName);
            foreach (var address in user.AliasList().Prepend(user.Mail))
            {
                if (!owner.IsOwn(address))
                {
                    directory.TryAdd(address, person);
                }
            }
        }

        return directory;
    }

    /// <summary>
    /// The interactions visible at <paramref name="asOf"/>: meetings count once they have ended, and the
    /// people copied beside the owner on someone else's mail count as co-recipients, so that everyone the
    /// mailbox has seen gets a score.
    /// </summary>
    public static List<Interaction> InteractionsAt(MailboxActivity activity, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return InteractionSource.At(activity.Owner, activity.Messages, activity.Events, asOf);
    }

    public IReadOnlyList<ContactSummary> Score(MailboxActivity activity, DateTimeOffset asOf, bool includeAutomated)
    {
        var summaries = ScoreAll(activity, asOf).Contacts;
        return includeAutomated ? summaries : summaries.Where(s => s.InDefaultListing).ToList();
    }

    /// <summary>Every person the mailbox has seen (automated and copied-only included), and the warmth model that scored them.</summary>
    public (IReadOnlyList<ContactSummary> Contacts, WarmthModel Model) ScoreAll(MailboxActivity activity, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var interactions = InteractionsAt(activity, asOf);
        var options = OptionsFor(activity);
        var model = Models.For(activity.Owner.UserId, interactions, asOf, options);
        return (ContactAggregator.Summarize(interactions, activity.BulkSenders, asOf, options, model), model);
    }

    /// <summary>
    /// The relationship rules as they apply to this mailbox: configuration, then the user's own dormant
    /// threshold, then the user's corrections (marked as person, muted, kept apart).
    /// </summary>
    public RelationshipOptions OptionsFor(MailboxActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return UserCorrections.Apply(relationshipOptions, activity.Overrides.AsCorrections(), activity.Settings?.DormantDays) with { Directory = activity.Directory };
    }

    /// <summary>The dormant threshold configuration gives when the user has not chosen one.</summary>
    public TimeSpan DefaultDormantAfter => relationshipOptions.DormantAfter;
}
