using System.Net;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class MessageDeltaTests
{
    private const string InboxDelta = "v1.0/users/alice@contoso.test/mailFolders/inbox/messages/delta";

    private static async Task<EmulatorSession> StartWithInboxAsync(int messages)
    {
        var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        for (var i = 1; i <= messages; i++)
        {
            session.Emulator.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message($"m{i}", $"subject {i}"));
        }

        return session;
    }

    [Fact]
    public async Task Pages_follow_maxpagesize_with_absolute_links_on_the_emulator_host()
    {
        await using var session = await StartWithInboxAsync(5);

        var (first, body) = await session.GetAsync(InboxDelta + "?$select=subject", "odata.maxpagesize=2");

        Assert.Equal("odata.maxpagesize=2", first.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal(2, body!["value"]!.AsArray().Count);
        var nextLink = new Uri(body["@odata.nextLink"]!.GetValue<string>());
        Assert.Equal(session.Emulator.BaseAddress.Authority, nextLink.Authority);
        Assert.StartsWith("?$skiptoken=", nextLink.Query, StringComparison.Ordinal);

        var (items, deltaLink, requests) = await session.SyncRoundAsync(InboxDelta + "?$select=subject", "odata.maxpagesize=2");
        Assert.Equal(3, requests);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], items.Select(i => i["id"]!.GetValue<string>()));
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
        Assert.All(items, i => Assert.Equal(["@odata.type", "@odata.etag", "subject", "id"], i.Select(p => p.Key)));
    }

    [Fact]
    public async Task In_partial_update_mode_an_updated_message_comes_as_its_id_and_the_selected_properties_that_changed()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { PartialUpdates = true });
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        session.Emulator.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m1", "first"));
        session.Emulator.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m2", "second"));
        var (_, deltaLink, _) = await session.SyncRoundAsync(InboxDelta + "?$select=subject,from,toRecipients");

        var renamed = TestFixtureFolder.Message("m1", "renamed");
        renamed["isRead"] = true; // changed but not selected: not sent
        session.Emulator.Tenant.UpsertMessage("u1", "inbox", renamed);
        session.Emulator.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m3", "new"));
        var (items, _, _) = await session.SyncRoundAsync(deltaLink);

        var updated = Assert.Single(items, i => i["id"]!.GetValue<string>() == "m1");
        Assert.Equal(["@odata.type", "@odata.etag", "subject", "id"], updated.Select(p => p.Key));
        Assert.Equal("renamed", updated["subject"]!.GetValue<string>());
        var added = Assert.Single(items, i => i["id"]!.GetValue<string>() == "m3");
        Assert.True(added.ContainsKey("from") && added.ContainsKey("toRecipients")); // a new message comes whole
    }

    [Fact]
    public async Task In_replay_mode_every_page_is_served_twice_and_the_round_still_ends_with_a_deltaLink()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { ReplayDeltaPages = true });
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        for (var i = 1; i <= 5; i++)
        {
            session.Emulator.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message($"m{i}"));
        }

        var (items, deltaLink, requests) = await session.SyncRoundAsync(InboxDelta, "odata.maxpagesize=2");

        Assert.Equal(6, requests); // 3 pages, each twice
        Assert.Equal(["m1", "m2", "m1", "m2", "m3", "m4", "m3", "m4", "m5", "m5"], items.Select(i => i["id"]!.GetValue<string>()));
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_page_size_is_ten_and_sdk_delta_spellings_are_accepted()
    {
        await using var session = await StartWithInboxAsync(12);

        var (_, sdkForm) = await session.GetAsync("v1.0/users/u1/mailFolders/inbox/messages/delta()");
        var (_, qualified) = await session.GetAsync("v1.0/users/u1/mailFolders/Inbox/messages/microsoft.graph.delta()");

        Assert.Equal(10, sdkForm!["value"]!.AsArray().Count);
        Assert.Equal(10, qualified!["value"]!.AsArray().Count);
        Assert.Equal("#microsoft.graph.message", sdkForm["value"]![0]!["@odata.type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unchanged_folder_answers_a_delta_link_in_one_request_with_no_items()
    {
        await using var session = await StartWithInboxAsync(3);
        var (_, deltaLink, _) = await session.SyncRoundAsync(InboxDelta);

        var (items, nextDeltaLink, requests) = await session.SyncRoundAsync(deltaLink);

        Assert.Empty(items);
        Assert.Equal(1, requests);
        Assert.Contains("$deltatoken=", nextDeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delta_reports_upserts_deletes_and_moves_keeping_the_select_from_the_first_request()
    {
        await using var session = await StartWithInboxAsync(3);
        var tenant = session.Emulator.Tenant;
        var (_, inboxLink, _) = await session.SyncRoundAsync(InboxDelta + "?$select=subject,parentFolderId");
        var (_, archiveLink, _) = await session.SyncRoundAsync("v1.0/users/u1/mailFolders/archive/messages/delta?$select=subject");

        tenant.UpsertMessage("alice@contoso.test", "inbox", TestFixtureFolder.Message("m2", "edited"));
        tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m4", "new"));
        Assert.True(tenant.DeleteMessage("u1", "m1"));
        var movedId = tenant.MoveMessage("u1", "m3", "archive");

        var (inboxChanges, _, _) = await session.SyncRoundAsync(inboxLink);
        Assert.Equal(4, inboxChanges.Count);
        var edited = inboxChanges.Single(i => i["id"]!.GetValue<string>() == "m2");
        Assert.Equal("edited", edited["subject"]!.GetValue<string>());
        Assert.Equal(tenant.MailFolderId("u1", "inbox"), edited["parentFolderId"]!.GetValue<string>());
        Assert.Null(edited["receivedDateTime"]);
        Assert.Contains(inboxChanges, i => i["id"]!.GetValue<string>() == "m4");
        var removed = inboxChanges.Where(i => i["@removed"] is not null).ToList();
        Assert.Equal(["m1", "m3"], removed.Select(r => r["id"]!.GetValue<string>()).Order());
        Assert.All(removed, r => Assert.Equal("deleted", r["@removed"]!["reason"]!.GetValue<string>()));
        Assert.All(removed, r => Assert.Equal("#microsoft.graph.message", r["@odata.type"]!.GetValue<string>()));

        var (archiveChanges, _, _) = await session.SyncRoundAsync(archiveLink);
        var arrived = Assert.Single(archiveChanges);
        Assert.Equal(movedId, arrived["id"]!.GetValue<string>());
        Assert.NotEqual("m3", movedId);
    }

    [Fact]
    public async Task Immutable_ids_survive_a_move_and_the_preference_is_acknowledged()
    {
        await using var session = await StartWithInboxAsync(1);
        session.Emulator.Tenant.MoveMessage("u1", "m1", "archive");

        var (response, body) = await session.GetAsync(
            "v1.0/users/u1/mailFolders/archive/messages/delta", "IdType=\"ImmutableId\"", "odata.maxpagesize=5");

        Assert.Equal("m1", body!["value"]![0]!["id"]!.GetValue<string>());
        var applied = string.Join(",", response.Headers.GetValues("Preference-Applied"));
        Assert.Contains("IdType=\"ImmutableId\"", applied, StringComparison.Ordinal);
        Assert.Contains("odata.maxpagesize=5", applied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_are_addressable_by_stable_id()
    {
        await using var session = await StartWithInboxAsync(2);
        var (_, folder) = await session.GetAsync("v1.0/users/u1/mailFolders/inbox");
        var folderId = folder!["id"]!.GetValue<string>();
        Assert.Equal("Inbox", folder["displayName"]!.GetValue<string>());
        Assert.Equal(2, folder["totalItemCount"]!.GetValue<int>());

        var (items, _, _) = await session.SyncRoundAsync($"v1.0/users/u1/mailFolders/{Uri.EscapeDataString(folderId)}/messages/delta");

        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task Garbled_tokens_get_400_and_tokens_from_another_emulator_get_410()
    {
        await using var session = await StartWithInboxAsync(1);
        var (_, deltaLink, _) = await session.SyncRoundAsync(InboxDelta);

        var (garbled, garbledBody) = await session.GetAsync(InboxDelta + "?$deltatoken=abc");
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal("SyncStateInvalid", garbledBody!["error"]!["code"]!.GetValue<string>());

        await using var other = await StartWithInboxAsync(1);
        var foreignLink = deltaLink.Replace(session.Emulator.BaseAddress.Authority, other.Emulator.BaseAddress.Authority, StringComparison.Ordinal);
        var (stale, staleBody) = await other.GetAsync(foreignLink);
        Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
        Assert.Equal("syncStateNotFound", staleBody!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_users_and_folders_get_404()
    {
        await using var session = await StartWithInboxAsync(0);

        var (noUser, _) = await session.GetAsync("v1.0/users/nobody/mailFolders/inbox/messages/delta");
        var (noFolder, body) = await session.GetAsync("v1.0/users/u1/mailFolders/nope/messages/delta");

        Assert.Equal(HttpStatusCode.NotFound, noUser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noFolder.StatusCode);
        Assert.Equal("ErrorItemNotFound", body!["error"]!["code"]!.GetValue<string>());
    }
}
