using System.Net;
using System.Text.Json.Nodes;
using static NetworkSync.GraphEmulator.Tests.TodoTestSession;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class TodoTaskTests
{
    private static JsonObject FollowUpTask() => new()
    {
        ["title"] = "Reply to Dana about the offsite",
        ["importance"] = "high",
        ["isReminderOn"] = true,
        ["dueDateTime"] = new JsonObject { ["dateTime"] = "2025-03-14T00:00:00.0000000", ["timeZone"] = "Pacific Standard Time" },
        ["reminderDateTime"] = new JsonObject { ["dateTime"] = "2025-03-13T16:00:00.0000000", ["timeZone"] = "UTC" },
        ["categories"] = new JsonArray("networksync"),
        ["body"] = new JsonObject { ["content"] = "Last mail 40 days ago", ["contentType"] = "text" },
        ["linkedResources"] = new JsonArray(new JsonObject
        {
            ["webUrl"] = "https://outlook.office.com/mail/id/AAMkAGm1",
            ["applicationName"] = "NetworkSync",
            ["displayName"] = "Offsite thread",
            ["externalId"] = "contact-42",
        }),
    };

    [Fact]
    public async Task A_created_task_gets_service_properties_and_its_linked_resources_get_ids()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");

        var (created, task) = await session.SendAsync(HttpMethod.Post, Tasks(listId), FollowUpTask());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("AAMkAG", Id(task!), StringComparison.Ordinal);
        Assert.Equal("Reply to Dana about the offsite", Text(task!["title"]));
        Assert.Equal("notStarted", Text(task["status"]));
        Assert.Equal("high", Text(task["importance"]));
        Assert.True(task["isReminderOn"]!.GetValue<bool>());
        Assert.Equal("2025-03-10T09:30:00.0000000Z", Text(task["createdDateTime"]));
        Assert.Equal("2025-03-10T09:30:00.0000000Z", Text(task["lastModifiedDateTime"]));
        Assert.Equal("Pacific Standard Time", Text(task["dueDateTime"]!["timeZone"]));
        Assert.Equal(["networksync"], task["categories"]!.AsArray().Select(Text));
        Assert.Null(task["completedDateTime"]);
        Assert.NotNull(task["@odata.etag"]);
        var resource = Assert.Single(task["linkedResources"]!.AsArray())!.AsObject();
        Assert.True(Guid.TryParse(Text(resource["id"]), out _));
        Assert.Equal("contact-42", Text(resource["externalId"]));
        Assert.Equal("NetworkSync", Text(resource["applicationName"]));

        var (_, minimal) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("Just a title"));
        Assert.Equal("notStarted", Text(minimal!["status"]));
        Assert.Equal("normal", Text(minimal["importance"]));
        Assert.False(minimal["isReminderOn"]!.GetValue<bool>());
        Assert.Null(minimal["linkedResources"]);
    }

    [Fact]
    public async Task Linked_resources_are_only_returned_with_expand()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        var (_, task) = await session.SendAsync(HttpMethod.Post, Tasks(listId), FollowUpTask());
        var taskId = Id(task!);

        var (_, plain) = await session.GetAsync(TaskUrl(listId, taskId));
        var (_, expanded) = await session.GetAsync(TaskUrl(listId, taskId) + "?$expand=linkedResources");
        var (_, selected) = await session.GetAsync(Tasks(listId) + "?$select=title,status&$expand=linkedResources");
        var (_, collection) = await session.GetAsync(TaskUrl(listId, taskId) + "/linkedResources");

        Assert.Null(plain!["linkedResources"]);
        Assert.Equal("Reply to Dana about the offsite", Text(plain["title"]));
        Assert.Equal("contact-42", Text(Assert.Single(expanded!["linkedResources"]!.AsArray())!["externalId"]));
        var listed = Assert.Single(selected!["value"]!.AsArray())!.AsObject();
        Assert.Equal(["@odata.etag", "status", "title", "id", "linkedResources"], listed.Select(p => p.Key));
        Assert.Equal("Offsite thread", Text(Assert.Single(collection!["value"]!.AsArray())!["displayName"]));
    }

    [Fact]
    public async Task Linked_resources_can_be_added_later_and_that_changes_the_task()
    {
        var clock = new FakeTimeProvider(Start);
        await using var session = await StartAsync(clock);
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        var (_, task) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("Call Sam"));
        clock.Advance(TimeSpan.FromMinutes(5));

        var (added, resource) = await session.SendAsync(HttpMethod.Post, TaskUrl(listId, Id(task!)) + "/linkedResources",
            new JsonObject { ["webUrl"] = "https://example.test/sam", ["applicationName"] = "NetworkSync", ["displayName"] = "Sam" });
        var (missing, _) = await session.SendAsync(HttpMethod.Post, TaskUrl(listId, "AAMkAGnope") + "/linkedResources", new JsonObject { ["displayName"] = "x" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("Sam", Text(resource!["displayName"]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var stored = session.Emulator.Tenant.GetTodoTask("u1", listId, Id(task!))!;
        Assert.Equal(Id(resource), Text(Assert.Single(stored["linkedResources"]!.AsArray())!["id"]));
        Assert.Equal("2025-03-10T09:35:00.0000000Z", Text(stored["lastModifiedDateTime"]));
    }

    [Fact]
    public async Task Patch_merges_and_completion_sets_then_clears_completedDateTime()
    {
        var clock = new FakeTimeProvider(Start);
        await using var session = await StartAsync(clock);
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        var (_, task) = await session.SendAsync(HttpMethod.Post, Tasks(listId), FollowUpTask());
        var url = TaskUrl(listId, Id(task!));

        clock.Advance(TimeSpan.FromHours(2));
        var (completed, done) = await session.SendAsync(HttpMethod.Patch, url, new JsonObject { ["status"] = "completed" });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", Text(done!["status"]));
        Assert.Equal("Reply to Dana about the offsite", Text(done["title"]));
        Assert.Equal("high", Text(done["importance"]));
        Assert.Equal("2025-03-10T11:30:00.0000000", Text(done["completedDateTime"]!["dateTime"]));
        Assert.Equal("UTC", Text(done["completedDateTime"]!["timeZone"]));
        Assert.Equal("2025-03-10T11:30:00.0000000Z", Text(done["lastModifiedDateTime"]));
        Assert.Equal("2025-03-10T09:30:00.0000000Z", Text(done["createdDateTime"]));
        Assert.NotEqual(Text(task!["@odata.etag"]), Text(done["@odata.etag"]));

        clock.Advance(TimeSpan.FromMinutes(1));
        var (_, reopened) = await session.SendAsync(HttpMethod.Patch, url, new JsonObject { ["status"] = "inProgress", ["title"] = "Reply to Dana (again)", ["dueDateTime"] = null });

        Assert.Equal("inProgress", Text(reopened!["status"]));
        Assert.Equal("Reply to Dana (again)", Text(reopened["title"]));
        Assert.Null(reopened["completedDateTime"]);
        Assert.Null(reopened["dueDateTime"]);
        Assert.Equal("2025-03-10T11:31:00.0000000Z", Text(reopened["lastModifiedDateTime"]));
        Assert.Single(session.Emulator.Tenant.GetTodoTask("u1", listId, Id(task))!["linkedResources"]!.AsArray());
    }

    [Fact]
    public async Task A_deleted_task_is_404_afterwards_and_unknown_ids_are_404()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        var (_, task) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("Short-lived"));
        var url = TaskUrl(listId, Id(task!));

        var (deleted, _) = await session.SendAsync(HttpMethod.Delete, url);
        var (get, body) = await session.GetAsync(url);
        var (patch, _) = await session.SendAsync(HttpMethod.Patch, url, new JsonObject { ["status"] = "completed" });
        var (again, _) = await session.SendAsync(HttpMethod.Delete, url);
        var (unknownList, _) = await session.GetAsync(Tasks("AAMkAGnope"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("ErrorItemNotFound", Text(body!["error"]!["code"]));
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownList.StatusCode);
        Assert.Empty(session.Emulator.Tenant.GetTodoTasks("u1", listId));
    }

    [Theory]
    [InlineData("{\"title\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"status\":\"notStarted\"}")]
    [InlineData("{\"title\":\"   \"}")]
    [InlineData("{\"title\":\"x\",\"status\":\"done\"}")]
    [InlineData("{\"title\":\"x\",\"dueDateTime\":\"2025-03-14\"}")]
    [InlineData("{\"title\":\"x\",\"linkedResources\":[{\"webUrl\":42}]}")]
    public async Task A_body_that_is_not_JSON_or_not_a_valid_task_is_rejected_and_creates_nothing(string body)
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");

        var (response, error) = await session.SendAsync(HttpMethod.Post, Tasks(listId), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(Text(error!["error"]!["code"])));
        Assert.False(string.IsNullOrEmpty(Text(error["error"]!["message"])));
        Assert.Empty(session.Emulator.Tenant.GetTodoTasks("u1", listId));
    }

    [Fact]
    public async Task Tasks_are_paged_by_top_or_maxpagesize_with_absolute_next_links()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        for (var i = 1; i <= 12; i++)
        {
            session.Emulator.Tenant.CreateTodoTask("u1", listId, NewTask($"task {i}"));
        }

        var (_, first) = await session.GetAsync(Tasks(listId));
        Assert.Equal(10, first!["value"]!.AsArray().Count);
        var next = new Uri(Text(first["@odata.nextLink"]));
        Assert.Equal(session.Emulator.BaseAddress.Authority, next.Authority);
        var (_, second) = await session.GetAsync(next.ToString());
        Assert.Equal(["task 11", "task 12"], second!["value"]!.AsArray().Select(t => Text(t!["title"])));
        Assert.Null(second["@odata.nextLink"]);

        var titles = new List<string>();
        var url = Tasks(listId) + "?$select=title";
        var pages = 0;
        while (url is not null)
        {
            var (response, page) = await session.GetAsync(url, "odata.maxpagesize=5");
            Assert.Equal("odata.maxpagesize=5", response.Headers.GetValues("Preference-Applied").Single());
            titles.AddRange(page!["value"]!.AsArray().Select(t => Text(t!["title"])));
            Assert.All(page["value"]!.AsArray(), t => Assert.Null(t!["status"]));
            url = page["@odata.nextLink"]?.GetValue<string>();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"task {i}"), titles);
        var (_, top) = await session.GetAsync(Tasks(listId) + "?$top=4");
        Assert.Equal(4, top!["value"]!.AsArray().Count);
        Assert.Contains("$skip=4", Text(top["@odata.nextLink"]), StringComparison.Ordinal);
    }
}
