using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Sync;
using NetworkSync.DemoData;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests;

public sealed class ContactScoreCacheTests
{
    [Fact]
    public async Task Scores_are_reused_until_a_page_is_committed_and_then_include_it()
    {
        var fixture = CliRunner.TempPath("fixture");
        DemoFixtureWriter.Write(fixture, new DemoMailboxOptions { Contacts = 40 });
        var asOf = new DemoMailboxOptions().AsOf;
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("cache.db") });
        await database.MigrateAsync(CancellationToken.None);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, new FixedTimeProvider(asOf))).Succeeded);
        var mailbox = (await new MailboxStore(database).ListMailboxesAsync(CancellationToken.None)).Single();
        await using var services = TestCore.Build(database, new FixedTimeProvider(asOf));
        var cache = services.GetRequiredService<ContactScoreCache>();

        var first = await cache.GetAsync(mailbox, asOf, includeAutomated: true, CancellationToken.None);
        var again = await cache.GetAsync(mailbox, asOf.AddSeconds(20), includeAutomated: true, CancellationToken.None);
        Assert.Same(first, again);

        var newcomer = new MessageMetadata
        {
            Id = "AAMkNewcomer",
            Folder = "sentitems",
            SentAt = asOf.AddMinutes(-5),
            ReceivedAt = asOf.AddMinutes(-5),
            From = new Participant(mailbox.Mail, "Dana Whitfield"),
            Recipients = [new Recipient(RecipientRole.To, new Participant("newcomer@fabrikam.example", "New Comer"))],
        };
        await new MetadataWriter(database).ApplyMessagePageAsync(mailbox.Id, "sentitems", 99, [newcomer], [], CancellationToken.None);

        var after = await cache.GetAsync(mailbox, asOf.AddSeconds(20), includeAutomated: true, CancellationToken.None);
        Assert.NotSame(first, after);
        Assert.Contains(after, c => c.Address == "newcomer@fabrikam.example");
        Assert.DoesNotContain(first, c => c.Address == "newcomer@fabrikam.example");
    }
}
