using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkSync.App.Tests.Storage;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests;

/// <summary>
/// Scores brought up to date page by page (only the people a page touched rescored) must be exactly
/// a full recompute from the database: random, seeded sequences of synced pages (new mail, updates,
/// partial updates, removals, moves between folders, meetings) over mailboxes with namesakes,
/// addresses merged on evidence, robots and bulk senders, the user's own merges and splits.
/// </summary>
public sealed class IncrementalRescoreTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Folders = ["inbox", "sentitems", "archive"];
    private const string Owner = "me@contoso.example";

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Pages_rescored_incrementally_give_exactly_the_full_recompute(int seed)
    {
        var ct = CancellationToken.None;
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("incremental.db") });
        await database.MigrateAsync(ct);
        var mailbox = new MailboxRow { Id = "user-" + seed.ToString(CultureInfo.InvariantCulture), Mail = Owner, Aliases = "me@old-contoso.example" };
        await new MailboxStore(database).UpsertMailboxAsync(mailbox, ct);
        var world = new World(new Random(seed));
        if (seed % 3 == 0)
        {
            // The user's word: one pair confirmed as one person, one namesake pair kept apart.
            var overrides = new ContactOverrideStore(database);
            await overrides.SetAsync(new ContactOverrideRow { MailboxId = mailbox.Id, Address = "p1@d1.example", Kind = "same", OtherAddress = "p2@d2.example" }, ct);
            await overrides.SetAsync(new ContactOverrideRow { MailboxId = mailbox.Id, Address = "bo@x.example", Kind = "apart", OtherAddress = "bchen@y.example" }, ct);
        }

        var writer = new MetadataWriter(database);
        for (var i = 0; i < 240; i++)
        {
            var message = world.NewMessage();
            await writer.ApplyMessagePageAsync(mailbox.Id, message.Folder, 1, [message], [], ct);
        }

        for (var i = 0; i < 30; i++)
        {
            await writer.ApplyEventPageAsync(mailbox.Id, 1, [world.NewEvent()], [], ct);
        }

        await using var services = TestCore.Build(database, TimeProvider.System);
        var scorer = services.GetRequiredService<ContactListingService>();
        var cache = services.GetRequiredService<ContactScoreCache>();
        await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
        for (var page = 0; page < 12; page++)
        {
            var writes = world.Random.Next(1, 5);
            for (var w = 0; w < writes; w++)
            {
                await world.WriteRandomPageAsync(writer, mailbox.Id, ct);
            }

            await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
        }

    }

    [Theory]
    [StorageProviders]
    public async Task Pages_among_people_without_namesakes_are_rescored_incrementally_and_a_page_that_merges_someone_in_full(StorageProvider provider)
    {
        var ct = CancellationToken.None;
        using var database = await TestDatabases.CreateAsync(provider, "incremental");
        var mailbox = new MailboxRow { Id = "user-plain", Mail = Owner, Aliases = "me@old-contoso.example" };
        await new MailboxStore(database).UpsertMailboxAsync(mailbox, ct);
        // The services first, as in the service: the shared data version then follows every write from the first.
        await using var services = TestCore.Build(database, TimeProvider.System);
        _ = services.GetRequiredService<SharedDataVersions>();
        var world = new World(new Random(7), plainOnly: true);
        var writer = new MetadataWriter(database);
        foreach (var folder in Enumerable.Range(0, 200).Select(_ => world.NewMessage()).GroupBy(m => m.Folder))
        {
            await writer.ApplyMessagePageAsync(mailbox.Id, folder.Key, 1, folder.ToList(), [], ct);
        }

        var scorer = services.GetRequiredService<ContactListingService>();
        var cache = services.GetRequiredService<ContactScoreCache>();
        await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
        for (var page = 1; page <= 10; page++)
        {
            await world.WriteRandomPageAsync(writer, mailbox.Id, ct);
            await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
            Assert.Equal(page, cache.IncrementalRescores);
        }

        // The same name and local part at two domains: one person, which only the whole mailbox can tell.
        MessageMetadata From(string id, string address) => new()
        {
            Id = id,
            Folder = "inbox",
            SentAt = AsOf.AddDays(-3),
            ReceivedAt = AsOf.AddDays(-3),
            From = new Participant(address, "Ana Abe"),
            Recipients = [new Recipient(RecipientRole.To, new Participant(Owner, "Me Owner"))],
        };
        await writer.ApplyMessagePageAsync(mailbox.Id, "inbox", 2, [From("ana-1", "ana.abe@old.example"), From("ana-2", "ana.abe@new.example")], [], ct);
        var merged = await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
        Assert.Equal(10, cache.IncrementalRescores);
        Assert.Contains(merged.Contacts, c => c.OtherAddresses.Count == 1);

        // A page touching the merged person again cannot be applied alone either; one among others can.
        await writer.ApplyMessagePageAsync(mailbox.Id, "inbox", 2, [From("ana-3", "ana.abe@new.example")], [], ct);
        await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
        Assert.Equal(10, cache.IncrementalRescores);
        await world.WriteRandomPageAsync(writer, mailbox.Id, ct);
        await AssertSameAsFullAsync(cache, scorer, mailbox, ct);
        Assert.Equal(11, cache.IncrementalRescores);
    }

    [Fact]
    public void A_change_is_known_only_when_every_write_since_said_what_it_changed()
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("versions.db") });
        database.MarkChanged("m", new MailboxDataChange(new HashSet<string> { "a" }, new HashSet<string>()));
        database.MarkChanged("m", new MailboxDataChange(new HashSet<string> { "b" }, new HashSet<string> { "e" }));
        Assert.Equal(2, database.DataVersion("m"));
        var both = database.ChangesBetween("m", 0, 2);
        Assert.NotNull(both);
        Assert.Equal(["a", "b"], both.MessageIds.Order(StringComparer.Ordinal));
        Assert.Equal(["e"], both.EventIds);
        Assert.Equal(["b"], database.ChangesBetween("m", 1, 2)!.MessageIds);

        database.MarkChanged("m");
        Assert.Null(database.ChangesBetween("m", 1, 3));
        Assert.Null(database.ChangesBetween("m", 2, 4));
        Assert.Null(database.ChangesBetween("other", 0, 1));
    }

    private static async Task<ScoredMailbox> AssertSameAsFullAsync(ContactScoreCache cache, ContactListingService scorer, MailboxRow mailbox, CancellationToken ct)
    {
        var scored = await cache.GetSnapshotAsync(mailbox, AsOf, ct);
        await scorer.Models.Pending(mailbox.Id);
        var stored = await scorer.LoadAsync(mailbox, ct);

        // The full recompute with the model the cache scored with: the model is the cache's to choose
        // (it recomputes in full when the model it has is not the one the mailbox would be scored with now).
        var full = ContactAggregator.Summarize(ContactListingService.InteractionsAt(stored, scored.AsOf), stored.BulkSenders, scored.AsOf, scorer.OptionsFor(stored), scored.Model);
        Assert.Equal(full.Select(Describe), scored.Contacts.Select(Describe));
        Assert.Equal(stored.Messages.Select(m => m.Id + "@" + m.Folder).Order(StringComparer.Ordinal), scored.Activity.Messages.Select(m => m.Id + "@" + m.Folder).Order(StringComparer.Ordinal));
        Assert.Equal(stored.Events.Select(e => e.Id).Order(StringComparer.Ordinal), scored.Activity.Events.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.True(stored.BulkSenders.SetEquals(scored.Activity.BulkSenders));
        return scored;
    }

    private static string Describe(ContactSummary c) => string.Join(
        "|",
        c.Address,
        c.DisplayName,
        c.Warmth.ToString("R", CultureInfo.InvariantCulture),
        c.Probability.ToString("R", CultureInfo.InvariantCulture),
        c.WarmthAtLastContact.ToString("R", CultureInfo.InvariantCulture),
        c.Tier,
        string.Join(";", c.Reasons),
        c.Cooling,
        c.UsualGap,
        c.Dormant,
        c.Automated,
        c.CopiedOnly,
        c.LastContact?.UtcTicks,
        c.LastInbound?.UtcTicks,
        c.LastOutbound?.UtcTicks,
        c.LastMeeting?.UtcTicks,
        c.Sent,
        c.Received,
        c.Meetings,
        string.Join(";", c.OtherAddresses),
        string.Join(";", c.MergeReasons));

    /// <summary>A small population with the identity cases in it, and the mailbox's rows as stored.</summary>
    private sealed class World(Random random, bool plainOnly = false)
    {
        private readonly Dictionary<string, MessageMetadata> messages = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EventMetadata> events = new(StringComparer.Ordinal);
        private int next;

        // Plain people; namesakes with the same local part at two domains (merged on evidence);
        // namesakes with nothing in common (a suggestion, or merged once one replies in the other's
        // thread); the owner's alias; robots and a newsletter.
        private readonly (string Address, string? Name)[] people =
        [
            .. Enumerable.Range(0, 24).Select(i => ($"p{i}@d{i % 4}.example", (string?)$"First{i} Last{i}")),
            ("ana.abe@old.example", "Ana Abe"), ("ana.abe@new.example", "Ana Abe"),
            ("bo@x.example", "Bo Chen"), ("bchen@y.example", "Bo Chen"),
            ("cy@z.example", "Cy Dunn"), ("cyd@w.example", null),
            ("noreply@shop.example", "Shop"), ("newsletter@news.example", "News"), ("events@bulk.example", "Events"),
        ];

        public Random Random { get; } = random;

        public MessageMetadata NewMessage()
        {
            var message = Message($"m{next++}", Folders[Random.Next(Folders.Length)]);
            messages[message.Id] = message;
            return message;
        }

        public EventMetadata NewEvent()
        {
            var meeting = Event($"e{next++}");
            events[meeting.Id] = meeting;
            return meeting;
        }

        public async Task WriteRandomPageAsync(MetadataWriter writer, string mailboxId, CancellationToken ct)
        {
            var choice = Random.Next(100);
            if (choice < 30 || messages.Count == 0)
            {
                var added = Enumerable.Range(0, Random.Next(1, 6)).Select(_ => NewMessage()).GroupBy(m => m.Folder);
                foreach (var folder in added)
                {
                    await writer.ApplyMessagePageAsync(mailboxId, folder.Key, 2, folder.ToList(), [], ct);
                }
            }
            else if (choice < 45)
            {
                // Updated in place: new recipients, names, times or signals under the same id.
                var old = Pick(messages);
                var updated = Message(old.Id, old.Folder);
                messages[old.Id] = updated;
                await writer.ApplyMessagePageAsync(mailboxId, old.Folder, 2, [updated], [], ct);
            }
            else if (choice < 55)
            {
                // A partial update without dates: only what changed (Focused Inbox's verdict).
                var old = Pick(messages);
                var partial = new MessageMetadata
                {
                    Id = old.Id,
                    Folder = old.Folder,
                    SentAt = DateTimeOffset.UnixEpoch,
                    ReceivedAt = DateTimeOffset.UnixEpoch,
                    InferenceClassification = old.InferenceClassification == "other" ? "focused" : "other",
                    Present = MessageFields.InferenceClassification,
                };
                messages[old.Id] = old with { InferenceClassification = partial.InferenceClassification };
                await writer.ApplyMessagePageAsync(mailboxId, old.Folder, 2, [partial], [], ct);
            }
            else if (choice < 68)
            {
                var old = Pick(messages);
                messages.Remove(old.Id);
                await writer.ApplyMessagePageAsync(mailboxId, old.Folder, 2, [], [old.Id], ct);
            }
            else if (choice < 80)
            {
                // A move between folders: the destination's "added" and the source's "removed", in either order.
                var old = Pick(messages);
                var moved = old with { Folder = Folders.First(f => f != old.Folder) };
                messages[old.Id] = moved;
                if (Random.Next(2) == 0)
                {
                    await writer.ApplyMessagePageAsync(mailboxId, moved.Folder, 2, [moved], [], ct);
                    await writer.ApplyMessagePageAsync(mailboxId, old.Folder, 2, [], [old.Id], ct);
                }
                else
                {
                    await writer.ApplyMessagePageAsync(mailboxId, old.Folder, 2, [], [old.Id], ct);
                    await writer.ApplyMessagePageAsync(mailboxId, moved.Folder, 2, [moved], [], ct);
                }
            }
            else if (choice < 90 || events.Count == 0)
            {
                var meeting = events.Count > 0 && Random.Next(2) == 0 ? Event(Pick(events).Id) : NewEvent();
                events[meeting.Id] = meeting;
                await writer.ApplyEventPageAsync(mailboxId, 2, [meeting], [], ct);
            }
            else
            {
                var old = Pick(events);
                events.Remove(old.Id);
                await writer.ApplyEventPageAsync(mailboxId, 2, [], [old.Id], ct);
            }
        }

        private T Pick<T>(Dictionary<string, T> rows) => rows.OrderBy(r => r.Key, StringComparer.Ordinal).ElementAt(Random.Next(rows.Count)).Value;

        private (string Address, string? Name) Person()
        {
            // Most mail is with a few people; the identity cases come up often enough to be tested.
            var index = Random.Next(100) < 60 ? Random.Next(8) : Random.Next(plainOnly ? 24 : people.Length);
            var (address, name) = people[index];

            // Now and then a display name changes, or one person takes on another's name.
            return Random.Next(20) == 0 && !plainOnly ? (address, people[Random.Next(people.Length)].Name) : (address, name);
        }

        private MessageMetadata Message(string id, string folder)
        {
            var sent = AsOf.AddMinutes(-Random.Next(-2 * 24 * 60, 540 * 24 * 60));
            var conversation = Random.Next(10) < 3 ? null : "c" + Random.Next(25).ToString(CultureInfo.InvariantCulture);
            var recipients = new List<Recipient>();
            Participant from;
            if (folder == "sentitems")
            {
                from = new Participant(Random.Next(5) == 0 ? "me@old-contoso.example" : Owner, "Me Owner");
                for (var k = Random.Next(1, 5); k > 0; k--)
                {
                    var (address, name) = Person();
                    recipients.Add(new Recipient((RecipientRole)Random.Next(3), new Participant(address, name)));
                }
            }
            else
            {
                var (address, name) = Person();
                from = new Participant(address, name);
                var ownerRole = Random.Next(10);
                if (ownerRole < 8)
                {
                    recipients.Add(new Recipient(ownerRole < 6 ? RecipientRole.To : RecipientRole.Cc, new Participant(Owner, "Me Owner")));
                }

                for (var k = Random.Next(0, 4); k > 0; k--)
                {
                    var (mate, mateName) = Person();
                    recipients.Add(new Recipient((RecipientRole)Random.Next(3), new Participant(mate, mateName)));
                }
            }

            var bulk = from.Address.Contains("news", StringComparison.Ordinal) || Random.Next(25) == 0;
            return new MessageMetadata
            {
                Id = id,
                Folder = folder,
                SentAt = sent,
                ReceivedAt = sent.AddMinutes(Random.Next(0, 30)),
                From = from,
                Recipients = recipients,
                ConversationId = conversation,
                IsDraft = Random.Next(30) == 0,
                InferenceClassification = Random.Next(10) == 0 ? "other" : "focused",
                BulkSignals = bulk ? BulkSignals.ListUnsubscribe : BulkSignals.None,
            };
        }

        private EventMetadata Event(string id)
        {
            var start = AsOf.AddHours(-Random.Next(-24 * 20, 24 * 400));
            var attendees = new List<Attendee>();
            var crowd = Random.Next(10) == 0 ? 22 : Random.Next(1, 5);
            for (var k = 0; k < crowd; k++)
            {
                var (address, name) = k < 5 ? Person() : ($"crowd{k}@big.example", $"Crowd{k} Member");
                attendees.Add(new Attendee(new Participant(address, name), (AttendeeKind)Random.Next(3), (AttendeeResponse)Random.Next(6)));
            }

            var organizer = Random.Next(3) == 0;
            var (organizerAddress, organizerName) = Person();
            return new EventMetadata
            {
                Id = id,
                Start = start,
                End = start.AddMinutes(30 + (30 * Random.Next(4))),
                IsCancelled = Random.Next(15) == 0,
                IsOrganizer = organizer,
                Response = (AttendeeResponse)Random.Next(6),
                Organizer = organizer ? new Participant(Owner, "Me Owner") : new Participant(organizerAddress, organizerName),
                Attendees = attendees,
            };
        }
    }
}
