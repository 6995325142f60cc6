using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Features.Contacts;

/// <summary>Reads a mailbox's stored metadata and scores its relationships as of a given time.</summary>
public sealed class ContactListingService(
    MetadataReader reader,
    ContactOverrideStore overrides,
    MailboxSettingsStore settings,
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
        var owner = new MailboxIdentity(mailbox.Id, mailbox.Mail, mailbox.Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries));
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
        return new MailboxActivity(owner, messages, events, bulkSenders, corrections, chosen);
    }

    /// <summary>
    /// The interactions visible at <paramref name="asOf"/>: meetings count once they have ended, and the
    /// people copied beside the owner on someone else's mail count as co-recipients, so that everyone the
    /// mailbox has seen gets a score.
    /// </summary>
    public static List<Interaction> InteractionsAt(MailboxActivity activity, DateTimeOffset asOf)
    {
        var interactions = new List<Interaction>(activity.Messages.Count * 3);
        foreach (var message in activity.Messages)
        {
            InteractionExtractor.FromMessage(message, activity.Owner, interactions);
            InteractionExtractor.CoRecipientsOf(message, activity.Owner, interactions);
        }

        foreach (var meeting in activity.Events)
        {
            InteractionExtractor.FromEvent(meeting, activity.Owner, asOf, interactions);
        }

        return interactions;
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
    public RelationshipOptions OptionsFor(MailboxActivity activity) => relationshipOptions with
    {
        DormantAfter = activity.Settings?.DormantDays is { } days ? TimeSpan.FromDays(days) : relationshipOptions.DormantAfter,
        MarkedAsPerson = activity.Overrides.Where(o => o.Kind == "person").Select(o => o.Address).ToHashSet(StringComparer.Ordinal),
        Muted = activity.Overrides.Where(o => o.Kind == "muted").Select(o => o.Address).ToHashSet(StringComparer.Ordinal),
        KeptApart = activity.Overrides.Where(o => o.Kind == "apart").Select(o => (o.Address, o.OtherAddress)).ToHashSet(),
        ConfirmedMerges = activity.Overrides.Where(o => o.Kind == "same").Select(o => (o.Address, o.OtherAddress)).ToHashSet(),
    };

    /// <summary>The dormant threshold configuration gives when the user has not chosen one.</summary>
    public TimeSpan DefaultDormantAfter => relationshipOptions.DormantAfter;
}
