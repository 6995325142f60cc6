using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static NetworkSync.GraphEmulator.Tests.TodoTestSession;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class TodoListTests
{
    [Fact]
    public async Task Every_mailbox_starts_with_the_default_Tasks_list()
    {
        await using var session = await StartAsync();

        var (response, body) = await session.GetAsync(Lists());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = Assert.Single(body!["value"]!.AsArray())!.AsObject();
        Assert.Equal("Tasks", Text(list["displayName"]));
        Assert.Equal("defaultList", Text(list["wellknownListName"]));
        Assert.True(list["isOwner"]!.GetValue<bool>());
        Assert.False(list["isShared"]!.GetValue<bool>());
        Assert.Equal(session.Emulator.Tenant.DefaultTodoListId("alice@contoso.test"), Id(list));
        Assert.NotEqual(session.Emulator.Tenant.DefaultTodoListId("u2"), Id(list));
        Assert.EndsWith("/v1.0/$metadata#users('u1')/todo/lists", Text(body["@odata.context"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_are_created_read_renamed_and_deleted()
    {
        await using var session = await StartAsync();

        var (created, list) = await session.SendAsync(HttpMethod.Post, Lists("alice@contoso.test"), new JsonObject { ["displayName"] = "Follow-ups" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listId = Id(list!);
        Assert.Equal("Follow-ups", Text(list!["displayName"]));
        Assert.Equal("none", Text(list["wellknownListName"]));

        var (_, all) = await session.GetAsync(Lists());
        Assert.Equal(["Tasks", "Follow-ups"], all!["value"]!.AsArray().Select(l => Text(l!["displayName"])));

        var (renamed, renamedBody) = await session.SendAsync(HttpMethod.Patch, List(listId), new JsonObject { ["displayName"] = "People to chase" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("People to chase", Text(renamedBody!["displayName"]));
        var (_, read) = await session.GetAsync(List(listId));
        Assert.Equal("People to chase", Text(read!["displayName"]));
        Assert.NotEqual(Text(list["@odata.etag"]), Text(read["@odata.etag"]));

        var (deleted, _) = await session.SendAsync(HttpMethod.Delete, List(listId));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var (gone, goneBody) = await session.GetAsync(List(listId));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("ErrorItemNotFound", Text(goneBody!["error"]!["code"]));
        Assert.Single(session.Emulator.Tenant.GetTodoLists("u1"));
    }

    [Fact]
    public async Task Bad_list_requests_get_Graph_errors()
    {
        await using var session = await StartAsync();
        var defaultList = session.Emulator.Tenant.DefaultTodoListId("u1");

        var (noName, noNameBody) = await session.SendAsync(HttpMethod.Post, Lists(), new JsonObject { ["title"] = "x" });
        var (notJson, notJsonBody) = await session.SendAsync(HttpMethod.Post, Lists(), "{not json");
        var (unknown, _) = await session.SendAsync(HttpMethod.Patch, List("AAMkAGnope"), new JsonObject { ["displayName"] = "x" });
        var (unknownDelete, _) = await session.SendAsync(HttpMethod.Delete, List("AAMkAGnope"));
        var (defaultDelete, _) = await session.SendAsync(HttpMethod.Delete, List(defaultList));
        var (put, _) = await session.SendAsync(HttpMethod.Put, List(defaultList), new JsonObject { ["displayName"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal("invalidRequest", Text(noNameBody!["error"]!["code"]));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("BadRequest", Text(notJsonBody!["error"]!["code"]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDelete.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, defaultDelete.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Single(session.Emulator.Tenant.GetTodoLists("u1"));
    }

    [Fact]
    public async Task To_Do_needs_a_token_and_a_delegated_token_only_reaches_its_own_user()
    {
        await using var session = await StartAsync();
        using var anonymous = new HttpClient { BaseAddress = session.Emulator.BaseAddress };
        using var noToken = await anonymous.GetAsync(new Uri(Lists(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        var (appOnlyMe, _) = await session.GetAsync("v1.0/me/todo/lists");
        Assert.Equal(HttpStatusCode.BadRequest, appOnlyMe.StatusCode);

        var aliceToken = await EmulatorSession.RequestTokenAsync(session.Http, session.Emulator, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "c",
            ["username"] = "alice@contoso.test",
            ["password"] = "x",
            ["scope"] = "Tasks.ReadWrite",
        });
        async Task<HttpStatusCode> AsAliceAsync(HttpMethod method, string url, JsonObject? body = null)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", aliceToken);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await session.Http.SendAsync(request);
            return response.StatusCode;
        }

        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        Assert.Equal(HttpStatusCode.Created, await AsAliceAsync(HttpMethod.Post, $"v1.0/me/todo/lists/{Uri.EscapeDataString(listId)}/tasks", NewTask("mine")));
        Assert.Equal(HttpStatusCode.OK, await AsAliceAsync(HttpMethod.Get, Tasks(listId, "alice@contoso.test")));
        Assert.Equal(HttpStatusCode.Forbidden, await AsAliceAsync(HttpMethod.Get, Lists("u2")));
        Assert.Equal(HttpStatusCode.Forbidden, await AsAliceAsync(HttpMethod.Get, "v1.0/users/u2/mailboxSettings"));
        Assert.Equal("mine", Text(Assert.Single(session.Emulator.Tenant.GetTodoTasks("u1", listId))["title"]));
    }
}
