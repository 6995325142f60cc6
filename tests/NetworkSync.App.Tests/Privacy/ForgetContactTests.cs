using System.Globalization;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.App.Tests.Storage;
using NetworkSync.Application.Privacy;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Privacy;

public sealed class ForgetContactTests
{
    [Theory]
    [StorageProviders]
    public async Task Forgetting_a_person_removes_them_everywhere_keeps_the_others_and_survives_a_full_resync(StorageProvider provider)
    {
        // One message Ana shares with Ben: forgetting Ana must leave it to Ben.
        await using var harness = await PrivacyHarness.StartAsync(provider, addToGraph: mailbox =>
            mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, "inbox", SharedMessage("Shared update")));
        var mailbox = await harness.MailboxRowAsync();
        var anaFollowUp = await harness.AddManualFollowUpAsync("Send Ana the deck", Ana);
        var benFollowUp = await harness.AddManualFollowUpAsync("Chase Ben", Ben);
        await harness.Mailbox.PassAsync();
        Assert.Contains(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == anaFollowUp.Id);
        await new ContactOverrideStore(harness.Database).SetAsync(new() { MailboxId = mailbox.Id, Address = Ana, Kind = "person" }, CancellationToken.None);
        Assert.Contains(Ana, await harness.ContactAddressesAsync());
        Assert.False((await harness.Contexts.GetAsync(mailbox, Ana, CancellationToken.None))!.Flags.FirstContact);

        Assert.Equal(ForgetOutcome.Forgotten, await harness.Privacy.ForgetAsync(mailbox, "Ana.Abe@Fabrikam.example", CancellationToken.None));

        await AssertAnaIsGoneAsync(harness, mailbox.Id);
        Assert.DoesNotContain(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == anaFollowUp.Id);
        Assert.Contains(harness.Mailbox.Tasks, t => FollowUpMailbox.ExternalId(t) == benFollowUp.Id);
        Assert.Equal(1, harness.CountRows("ContactOverrides", "MailboxId", mailbox.Id, $"Address = '{Ana}' AND Kind = 'forgotten'"));

        // Ben keeps the shared message, and Newbie the kickoff Ana was invited to.
        var messages = await new MetadataReader(harness.Database).ReadMessagesAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        var shared = Assert.Single(messages, m => m.Id == "shared-1");
        Assert.Null(shared.From);
        Assert.Equal([FollowUpMailbox.Dana, Ben], shared.Recipients.Select(r => r.Who.Address));
        var events = await new MetadataReader(harness.Database).ReadEventsAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        Assert.Equal([Newbie], Assert.Single(events, e => e.Id == "ev-kickoff").Attendees.Select(a => a.Who.Address));
        Assert.DoesNotContain(events, e => e.Id == "ev-review");
        Assert.Contains(Ben, await harness.ContactAddressesAsync());

        // Graph still has everything: a delta round with the shared message changed, then a full
        // re-enumeration (every delta token dropped), both store Ana nowhere.
        harness.Mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, "inbox", SharedMessage("Shared update (edited)"));
        await harness.Mailbox.SyncAsync();
        await AssertAnaIsGoneAsync(harness, mailbox.Id);
        DropDeltaTokens(harness, mailbox.Id);
        await harness.Mailbox.SyncAsync();
        await AssertAnaIsGoneAsync(harness, mailbox.Id);
        var resynced = await new MetadataReader(harness.Database).ReadMessagesAsync(mailbox.Id, CancellationToken.None).ToListAsync();
        Assert.Equal([FollowUpMailbox.Dana, Ben], Assert.Single(resynced, m => m.Id == "shared-1").Recipients.Select(r => r.Who.Address));
        Assert.Contains(Ben, await harness.ContactAddressesAsync());
        Assert.True(harness.CountRows("Messages", "MailboxId", mailbox.Id, "Id LIKE 'ben-%'") > 0);
    }

    [Fact]
    public async Task Forgetting_one_address_of_a_merged_person_forgets_all_of_their_addresses()
    {
        await using var harness = await PrivacyHarness.StartAsync();
        var mailbox = await harness.MailboxRowAsync();
        Assert.Contains(ErinNew, await harness.ContactAddressesAsync());

        Assert.Equal(ForgetOutcome.Forgotten, await harness.Privacy.ForgetAsync(mailbox, ErinOld, CancellationToken.None));

        Assert.Equal(0, harness.CountRows("Messages", "MailboxId", mailbox.Id, "Id LIKE 'erin-%'"));
        var contacts = await harness.ContactAddressesAsync();
        Assert.DoesNotContain(ErinNew, contacts);
        Assert.DoesNotContain(ErinOld, contacts);
        Assert.Equal(2, harness.CountRows("ContactOverrides", "MailboxId", mailbox.Id, "Kind = 'forgotten'"));
    }

    [Theory]
    [InlineData("not-an-address", ForgetOutcome.NotAnAddress)]
    [InlineData("", ForgetOutcome.NotAnAddress)]
    [InlineData("DANA@contoso.example", ForgetOutcome.OwnAddress)]
    public async Task Malformed_and_own_addresses_are_refused_and_change_nothing(string address, ForgetOutcome expected)
    {
        await using var harness = await PrivacyHarness.StartAsync();
        var mailbox = await harness.MailboxRowAsync();
        var before = await new MetadataReader(harness.Database).CountAsync(mailbox.Id, CancellationToken.None);

        Assert.Equal(expected, await harness.Privacy.ForgetAsync(mailbox, address, CancellationToken.None));

        Assert.Equal(before, await new MetadataReader(harness.Database).CountAsync(mailbox.Id, CancellationToken.None));
        Assert.Equal(0, harness.CountRows("ContactOverrides", "MailboxId", mailbox.Id));
    }

    private static async Task AssertAnaIsGoneAsync(PrivacyHarness harness, string mailboxId)
    {
        var mailbox = await harness.MailboxRowAsync();
        Assert.Equal(0, harness.CountRows("Messages", "MailboxId", mailboxId, $"(FromAddress = '{Ana}' OR Recipients LIKE '%{Ana}%')"));
        Assert.Equal(0, harness.CountRows("Events", "MailboxId", mailboxId, $"(OrganizerAddress = '{Ana}' OR Attendees LIKE '%{Ana}%')"));
        Assert.Equal(0, harness.CountRows("FollowUps", "MailboxId", mailboxId, $"Contacts LIKE '%{Ana}%'"));
        Assert.Equal(0, harness.CountRows("ContactOverrides", "MailboxId", mailboxId, $"Address = '{Ana}' AND Kind <> 'forgotten'"));
        Assert.Equal(0, harness.CountRows("Messages", "MailboxId", mailboxId, "Id LIKE 'ana-%'"));
        Assert.DoesNotContain(Ana, await harness.ContactAddressesAsync());
        Assert.DoesNotContain(Ana, (await harness.Scores.GetAsync(mailbox, Now, includeAutomated: true, CancellationToken.None)).SelectMany(c => c.OtherAddresses.Append(c.Address)));
        var context = (await harness.Contexts.GetAsync(mailbox, Ana, CancellationToken.None))!;
        Assert.False(context.Known);
        Assert.True(context.Flags.FirstContact);
        Assert.Empty(context.FollowUps);
        Assert.Empty(context.Timeline);
    }

    private static void DropDeltaTokens(PrivacyHarness harness, string mailboxId)
    {
        using var connection = harness.Database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE SyncStates SET DeltaLink = NULL WHERE MailboxId = @m AND Collection <> 'todo';";
        command.AddParameter("@m", mailboxId);
        Assert.True(command.ExecuteNonQuery() > 0);
    }

    private static JsonObject SharedMessage(string subject) => new()
    {
        ["id"] = "shared-1",
        ["sentDateTime"] = At("2026-06-06T09:00:00Z").ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["receivedDateTime"] = At("2026-06-06T09:00:00Z").ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["subject"] = subject,
        ["conversationId"] = "shared",
        ["from"] = Who("Ana Abe", Ana),
        ["toRecipients"] = new JsonArray(Who("Dana Whitfield", FollowUpMailbox.Dana)),
        ["ccRecipients"] = new JsonArray(Who("Ben Bauer", Ben)),
    };

    private static JsonObject Who(string name, string address) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = name, ["address"] = address } };
}
