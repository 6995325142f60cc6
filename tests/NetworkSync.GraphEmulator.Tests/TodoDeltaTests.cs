using System.Net;
using System.Text.Json.Nodes;
using static NetworkSync.GraphEmulator.Tests.TodoTestSession;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class TodoDeltaTests
{
    private static JsonObject TaskWithLink(string title) => new()
    {
        ["title"] = title,
        ["linkedResources"] = new JsonArray(new JsonObject { ["applicationName"] = "NetworkSync", ["externalId"] = title, ["webUrl"] = "https://example.test/" + title }),
    };

    [Fact]
    public async Task A_first_round_lists_every_task_in_pages_and_ends_with_a_delta_link()
    {
        await using var session = await StartAsync();
        var tenant = session.Emulator.Tenant;
        var listId = tenant.DefaultTodoListId("u1");
        for (var i = 1; i <= 7; i++)
        {
            tenant.CreateTodoTask("u1", listId, NewTask($"t{i}"));
        }

        var (first, firstPage) = await session.GetAsync(Delta(listId), "odata.maxpagesize=3");
        var (items, deltaLink, requests) = await session.SyncRoundAsync(Delta(listId), "odata.maxpagesize=3");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, firstPage!["value"]!.AsArray().Count);
        Assert.Contains("$skiptoken=", Text(firstPage["@odata.nextLink"]), StringComparison.Ordinal);
        Assert.EndsWith("$metadata#Collection(todoTask)", Text(firstPage["@odata.context"]), StringComparison.Ordinal);
        Assert.Equal(3, requests);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"t{i}"), items.Select(t => Text(t["title"])));
        Assert.All(items, t => Assert.Equal("#microsoft.graph.todoTask", Text(t["@odata.type"])));
        var link = new Uri(deltaLink);
        Assert.Equal(session.Emulator.BaseAddress.Authority, link.Authority);
        Assert.StartsWith("?$deltatoken=", link.Query, StringComparison.Ordinal);
        Assert.Contains("/todo/lists/", link.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delta_link_round_reports_created_completed_and_removed_tasks_with_the_first_requests_options()
    {
        var clock = new FakeTimeProvider(Start);
        await using var session = await StartAsync(clock);
        var tenant = session.Emulator.Tenant;
        var listId = tenant.DefaultTodoListId("u1");
        var keep = Id(tenant.CreateTodoTask("u1", listId, TaskWithLink("keep")));
        var finish = Id(tenant.CreateTodoTask("u1", listId, TaskWithLink("finish")));
        var drop = Id(tenant.CreateTodoTask("u1", listId, TaskWithLink("drop")));
        var (firstRound, deltaLink, _) = await session.SyncRoundAsync(Delta(listId) + "?$select=title,status,completedDateTime&$expand=linkedResources");
        Assert.Equal(3, firstRound.Count);
        Assert.All(firstRound, t => Assert.Single(t["linkedResources"]!.AsArray()));

        clock.Advance(TimeSpan.FromMinutes(10));
        var (_, created) = await session.SendAsync(HttpMethod.Post, Tasks(listId), TaskWithLink("new"));
        Assert.NotNull(tenant.CompleteTodoTask("alice@contoso.test", listId, finish));
        Assert.True(tenant.DeleteTodoTask("u1", listId, drop));

        var (changes, nextDeltaLink, _) = await session.SyncRoundAsync(deltaLink);

        Assert.Equal(3, changes.Count);
        Assert.DoesNotContain(changes, c => Id(c) == keep);
        var added = changes.Single(c => Id(c) == Id(created!));
        Assert.Equal("new", Text(added["title"]));
        Assert.Equal("new", Text(Assert.Single(added["linkedResources"]!.AsArray())!["externalId"]));
        var completed = changes.Single(c => Id(c) == finish);
        Assert.Equal("completed", Text(completed["status"]));
        Assert.Equal("2025-03-10T09:40:00.0000000", Text(completed["completedDateTime"]!["dateTime"]));
        Assert.Null(completed["createdDateTime"]);
        Assert.Single(completed["linkedResources"]!.AsArray());
        var removed = changes.Single(c => Id(c) == drop);
        Assert.Equal("deleted", Text(removed["@removed"]!["reason"]));
        Assert.Null(removed["title"]);

        var (nothing, _, requests) = await session.SyncRoundAsync(nextDeltaLink);
        Assert.Empty(nothing);
        Assert.Equal(1, requests);
        var stored = tenant.GetTodoTask("u1", listId, finish)!;
        Assert.Equal("2025-03-10T09:40:00.0000000Z", Text(stored["lastModifiedDateTime"]));
    }

    [Fact]
    public async Task An_update_made_in_process_shows_up_in_delta()
    {
        await using var session = await StartAsync();
        var tenant = session.Emulator.Tenant;
        var listId = tenant.DefaultTodoListId("u1");
        var id = Id(tenant.CreateTodoTask("u1", listId, NewTask("draft")));
        var (_, deltaLink, _) = await session.SyncRoundAsync(Delta(listId));

        var updated = tenant.UpdateTodoTask("u1", listId, id, new JsonObject { ["title"] = "final", ["importance"] = "low" });
        var (changes, _, _) = await session.SyncRoundAsync(deltaLink);

        Assert.Equal("final", Text(updated!["title"]));
        var change = Assert.Single(changes);
        Assert.Equal(("final", "low"), (Text(change["title"]), Text(change["importance"])));
        Assert.Null(change["linkedResources"]);
        Assert.Null(tenant.UpdateTodoTask("u1", listId, "AAMkAGnope", new JsonObject { ["title"] = "x" }));
        Assert.Throws<ArgumentException>(() => tenant.UpdateTodoTask("u1", listId, id, new JsonObject { ["status"] = "finished" }));
    }

    [Fact]
    public async Task Garbled_foreign_and_other_list_tokens_get_410_syncStateNotFound()
    {
        await using var session = await StartAsync();
        var tenant = session.Emulator.Tenant;
        var listId = tenant.DefaultTodoListId("u1");
        tenant.CreateTodoTask("u1", listId, NewTask("a"));
        var otherList = Id(tenant.CreateTodoList("u1", "Other"));
        var (_, deltaLink, _) = await session.SyncRoundAsync(Delta(listId));
        var token = deltaLink[(deltaLink.IndexOf("$deltatoken=", StringComparison.Ordinal) + "$deltatoken=".Length)..];

        var (garbled, garbledBody) = await session.GetAsync(Delta(listId) + "?$deltatoken=abc");
        var (cut, _) = await session.GetAsync(Delta(listId) + "?$deltatoken=" + token[..^3]);
        var (otherListToken, _) = await session.GetAsync(Delta(otherList) + "?$deltatoken=" + token);
        var (mailToken, _) = await session.GetAsync(Delta(listId) + "?$skiptoken=" + token + "x");

        Assert.Equal(HttpStatusCode.Gone, garbled.StatusCode);
        Assert.Equal("syncStateNotFound", Text(garbledBody!["error"]!["code"]));
        Assert.Equal(HttpStatusCode.Gone, cut.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, otherListToken.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, mailToken.StatusCode);
        var (stillValid, _) = await session.GetAsync(deltaLink);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }

    [Fact]
    public async Task The_delta_spellings_and_me_paths_are_accepted()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        session.Emulator.Tenant.CreateTodoTask("u1", listId, NewTask("a"));

        foreach (var spelling in new[] { "delta", "delta()", "microsoft.graph.delta()" })
        {
            var (response, body) = await session.GetAsync($"{Tasks(listId)}/{spelling}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(body!["value"]!.AsArray());
        }

        var (odataKey, keyBody) = await session.GetAsync($"v1.0/users('u1')/todo/lists('{listId}')/tasks/delta()");
        Assert.Equal(HttpStatusCode.OK, odataKey.StatusCode);
        Assert.Single(keyBody!["value"]!.AsArray());
    }
}
