using Microsoft.Extensions.DependencyInjection;
using NetworkSync.Application.Contacts;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests;

/// <summary>The directory's proxyAddresses, as a sync stores them, join a colleague's two addresses into one contact.</summary>
public sealed class DirectoryIdentityTests
{
    private const string Owner = "dana.whitfield@contoso.example";
    private const string OwnerId = "11111111-2222-4333-8444-666666666666";
    private const string ColleagueId = "11111111-2222-4333-8444-777777777777";
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_colleague_writing_from_two_directory_addresses_under_two_names_is_one_contact_that_says_why()
    {
        var fixture = WriteFixture();
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("directory.db") });
        await database.MigrateAsync(CancellationToken.None);
        var time = new FixedTimeProvider(AsOf);
        Assert.True((await TestCore.SyncFixtureAsync(fixture, database, time)).Succeeded);
        var dana = (await new MailboxStore(database).ListMailboxesAsync(CancellationToken.None)).Single(m => m.Id == OwnerId);
        await using var services = TestCore.Build(database, time);
        var scores = services.GetRequiredService<ContactScoreCache>();

        var listed = await scores.GetAsync(dana, AsOf, includeAutomated: false, CancellationToken.None);

        var bo = Assert.Single(listed, c => c.Address.EndsWith("@contoso.example", StringComparison.Ordinal));
        Assert.Equal("bo.berg@contoso.example", bo.Address);
        Assert.Equal(["bberg@contoso.example"], bo.OtherAddresses);
        Assert.Equal("bberg@contoso.example: both are addresses of Bo Berg in your organisation's directory", Assert.Single(bo.MergeReasons));
        // The stranger with a similar name at another company stays a separate person.
        Assert.Single(listed, c => c.Address == "bob@fabrikam.example");
    }

    private static string WriteFixture()
    {
        var fixture = CliRunner.TempPath("directory");
        var inbox = Path.Combine(fixture, "users", OwnerId, "mailFolders", "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(fixture, "users.json"), $$"""
            { "value": [
              { "id": "{{OwnerId}}", "mail": "{{Owner}}", "userPrincipalName": "{{Owner}}", "displayName": "Dana Whitfield" },
              { "id": "{{ColleagueId}}", "mail": "bo.berg@contoso.example", "userPrincipalName": "bo.berg@contoso.example", "displayName": "Bo Berg",
                "proxyAddresses": [ "SMTP:bo.berg@contoso.example", "smtp:bberg@contoso.example", "X500:/o=contoso/cn=bo" ] } ] }
            """);
        string Message(string id, string name, string from, string at) => $$"""
            { "id": "{{id}}", "sentDateTime": "{{at}}", "receivedDateTime": "{{at}}", "isDraft": false, "conversationId": "{{id}}-thread",
              "from": { "emailAddress": { "name": "{{name}}", "address": "{{from}}" } },
              "toRecipients": [ { "emailAddress": { "name": "Dana Whitfield", "address": "{{Owner}}" } } ] }
            """;
        File.WriteAllText(Path.Combine(inbox, "messages.json"), "{ \"value\": [ " + string.Join(", ",
            Message("m1", "Bo Berg", "bo.berg@contoso.example", "2026-11-10T10:00:00Z"),
            Message("m2", "BB (mobile)", "bberg@contoso.example", "2026-11-01T10:00:00Z"),
            Message("m3", "Bo Berg", "bob@fabrikam.example", "2026-11-12T10:00:00Z")) + " ] }");
        return fixture;
    }
}
