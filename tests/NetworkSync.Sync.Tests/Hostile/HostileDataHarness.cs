using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;

namespace NetworkSync.Sync.Tests.Hostile;

/// <summary>Reads a synced mailbox back through the storage layer and runs the relationship model and follow-up rules over it.</summary>
internal static class HostileDataHarness
{
    public static readonly MailboxIdentity Owner = new(TestFixture.UserId, TestFixture.Mail, [TestFixture.Alias]);

    public static async Task<List<MessageMetadata>> MessagesAsync(SyncHarness harness)
    {
        var list = new List<MessageMetadata>();
        await foreach (var message in new MetadataReader(harness.Database).ReadMessagesAsync(TestFixture.UserId, CancellationToken.None))
        {
            list.Add(message);
        }

        return list;
    }

    public static async Task<List<EventMetadata>> EventsAsync(SyncHarness harness)
    {
        var list = new List<EventMetadata>();
        await foreach (var ev in new MetadataReader(harness.Database).ReadEventsAsync(TestFixture.UserId, CancellationToken.None))
        {
            list.Add(ev);
        }

        return list;
    }

    public static IReadOnlyList<ContactSummary> Score(IReadOnlyList<MessageMetadata> messages, IReadOnlyList<EventMetadata> events, DateTimeOffset asOf)
    {
        var interactions = new List<Interaction>();
        foreach (var message in messages)
        {
            InteractionExtractor.FromMessage(message, Owner, interactions);
        }

        foreach (var ev in events)
        {
            InteractionExtractor.FromEvent(ev, Owner, asOf, interactions);
        }

        return ContactAggregator.Summarize(interactions, BulkSenderDetector.Senders(messages), asOf, new RelationshipOptions());
    }

    public static IReadOnlyList<FollowUpRecord> FollowUps(IReadOnlyList<MessageMetadata> messages, IReadOnlyList<EventMetadata> events, IReadOnlyList<ContactSummary> contacts, DateTimeOffset asOf) =>
        FollowUpEngine.Run(new FollowUpInputs
        {
            MailboxId = TestFixture.UserId,
            Owner = Owner,
            AsOf = asOf,
            Messages = messages,
            Events = events,
            Contacts = contacts,
        });

    public static async Task<string> IntegrityAsync(SyncHarness harness)
    {
        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> ScalarAsync(SyncHarness harness, string sql)
    {
        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
