using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Features.Contacts;

/// <summary>Reads a mailbox's stored metadata and scores its relationships as of a given time.</summary>
public sealed class ContactListingService(SqliteDatabase database, RelationshipOptions relationshipOptions)
{
    private readonly MetadataReader reader = new(database);

    public async Task<IReadOnlyList<ContactSummary>> ListAsync(MailboxRow mailbox, DateTimeOffset asOf, bool includeAutomated, CancellationToken cancellationToken)
    {
        var owner = new MailboxIdentity(mailbox.Id, mailbox.Mail, mailbox.Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries));
        var interactions = new List<Interaction>();
        var bulkSenders = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var message in reader.ReadMessagesAsync(mailbox.Id, cancellationToken).ConfigureAwait(false))
        {
            InteractionExtractor.FromMessage(message, owner, interactions);
            if (message.From is { } from && (message.BulkSignals != BulkSignals.None || message.InferenceClassification == "other"))
            {
                bulkSenders.Add(from.Address);
            }
        }

        await foreach (var meeting in reader.ReadEventsAsync(mailbox.Id, cancellationToken).ConfigureAwait(false))
        {
            InteractionExtractor.FromEvent(meeting, owner, asOf, interactions);
        }

        var summaries = ContactAggregator.Summarize(interactions, bulkSenders, asOf, relationshipOptions);
        return includeAutomated ? summaries : summaries.Where(s => !s.Automated).ToList();
    }
}
