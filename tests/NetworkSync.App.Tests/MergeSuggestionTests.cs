using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.App.Tests.Storage;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Sync;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests;

/// <summary>Namesakes without evidence are suggested, never merged; the user's answer (same person, or keep apart) sticks across a full re-sync.</summary>
public sealed class MergeSuggestionTests
{
    private const string Owner = "dana.whitfield@contoso.example";
    private const string UserId = "11111111-2222-4333-8444-666666666666";
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [StorageProviders]
    public async Task A_suggestion_confirmed_merges_a_suggestion_refused_stays_apart_and_both_survive_a_resync(StorageProvider provider)
    {
        var fixture = WriteFixture();
        using var database = await TestDatabases.CreateAsync(provider, "merge");
        await SyncAsync(fixture, database, fromScratch: false);
        var mailbox = (await new MailboxStore(database).ListMailboxesAsync(CancellationToken.None)).Single();
        await using var services = TestCore.Build(database, new FixedTimeProvider(AsOf));
        var scores = services.GetRequiredService<ContactScoreCache>();
        var knowledge = services.GetRequiredService<NetworkKnowledgeService>();
        var store = new ContactOverrideStore(database);

        var suggestion = Assert.Single(await knowledge.SuggestionsAsync(mailbox, AsOf, CancellationToken.None));
        Assert.Equal(("sam.lee@alpha.example", "slee@beta.example", "Sam Lee"), (suggestion.Address, suggestion.OtherAddress, suggestion.DisplayName));
        Assert.Equal(2, (await scores.GetAsync(mailbox, AsOf, includeAutomated: false, CancellationToken.None)).Count(c => c.DisplayName == "Sam Lee"));

        await store.SetAsync(new ContactOverrideRow { MailboxId = mailbox.Id, Address = suggestion.Address, Kind = "same", OtherAddress = suggestion.OtherAddress }, CancellationToken.None);
        scores.Invalidate(mailbox.Id);
        await SyncAsync(fixture, database, fromScratch: true);
        var merged = Assert.Single(await scores.GetAsync(mailbox, AsOf, includeAutomated: false, CancellationToken.None), c => c.DisplayName == "Sam Lee");
        Assert.Single(merged.OtherAddresses);
        Assert.EndsWith("you said these are one person", Assert.Single(merged.MergeReasons), StringComparison.Ordinal);
        Assert.Empty(await knowledge.SuggestionsAsync(mailbox, AsOf, CancellationToken.None));

        // Keeping the pair apart replaces the confirmation, and also sticks.
        await store.SetAsync(new ContactOverrideRow { MailboxId = mailbox.Id, Address = suggestion.OtherAddress, Kind = "apart", OtherAddress = suggestion.Address }, CancellationToken.None);
        scores.Invalidate(mailbox.Id);
        await SyncAsync(fixture, database, fromScratch: true);
        Assert.Equal(2, (await scores.GetAsync(mailbox, AsOf, includeAutomated: false, CancellationToken.None)).Count(c => c.DisplayName == "Sam Lee"));
        Assert.Empty(await knowledge.SuggestionsAsync(mailbox, AsOf, CancellationToken.None));
        Assert.Single(await store.ListAsync(mailbox.Id, CancellationToken.None));
    }

    private static async Task SyncAsync(string fixture, NetworkSyncDatabase database, bool fromScratch)
    {
        if (fromScratch)
        {
            // Forget the delta links so the next sync enumerates everything again.
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM SyncStates;";
            await command.ExecuteNonQueryAsync();
        }

        var time = new FixedTimeProvider(AsOf);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, time)).Succeeded);
    }

    // Two different people called Sam Lee write to Dana, each on their own messages: no evidence either way.
    private static string WriteFixture()
    {
        var fixture = CliRunner.TempPath("namesakes");
        var inbox = Path.Combine(fixture, "users", UserId, "mailFolders", "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(fixture, "users.json"), $$"""{ "value": [ { "id": "{{UserId}}", "mail": "{{Owner}}", "userPrincipalName": "{{Owner}}", "displayName": "Dana Whitfield" } ] }""");
        string Message(string id, string from, string at) => $$"""
            { "id": "{{id}}", "sentDateTime": "{{at}}", "receivedDateTime": "{{at}}", "isDraft": false, "conversationId": "{{id}}-thread",
              "from": { "emailAddress": { "name": "Sam Lee", "address": "{{from}}" } },
              "toRecipients": [ { "emailAddress": { "name": "Dana Whitfield", "address": "{{Owner}}" } } ] }
            """;
        File.WriteAllText(Path.Combine(inbox, "messages.json"), "{ \"value\": [ " + string.Join(", ",
            Message("m1", "sam.lee@alpha.example", "2026-11-10T10:00:00Z"),
            Message("m2", "slee@beta.example", "2026-11-12T10:00:00Z")) + " ] }");
        return fixture;
    }
}
