using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static NetworkSync.GraphEmulator.Tests.TodoTestSession;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class TodoFaultTests
{
    [Fact]
    public async Task A_POST_faulted_with_503_before_commit_creates_nothing()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Endpoint = EndpointKind.TodoTasks, RetryAfter = "3" });

        var (faulted, body) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("once"));
        var (retried, _) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("once"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal("3", faulted.Headers.GetValues("Retry-After").Single());
        Assert.Equal("serviceNotAvailable", Text(body!["error"]!["code"]));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Single(session.Emulator.Tenant.GetTodoTasks("u1", listId));
    }

    [Fact]
    public async Task A_POST_dropped_after_commit_fails_for_the_client_but_creates_exactly_one_task_that_delta_reports()
    {
        await using var session = await StartAsync();
        var tenant = session.Emulator.Tenant;
        var listId = tenant.DefaultTodoListId("u1");
        var (_, deltaLink, _) = await session.SyncRoundAsync(Delta(listId));
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Endpoint = EndpointKind.TodoTasks, AfterCommit = true });

        var failure = await Record.ExceptionAsync(() => session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("follow up with Sam")));

        Assert.True(failure is HttpRequestException or IOException, failure?.ToString() ?? "the POST succeeded");
        var stored = Assert.Single(tenant.GetTodoTasks("u1", listId));
        Assert.Equal("follow up with Sam", Text(stored["title"]));
        var (changes, _, _) = await session.SyncRoundAsync(deltaLink);
        Assert.Equal(Id(stored), Id(Assert.Single(changes)));
        await Eventually.WaitUntilAsync(() => session.Emulator.Requests.Count(EndpointKind.TodoTasks) == 1);
        var entry = session.Emulator.Requests.Snapshot().Single(e => e.Method == "POST" && e.Endpoint == EndpointKind.TodoTasks);
        Assert.Equal((EndpointKind.TodoTasks, "DropConnection (after commit)"), (entry.Endpoint, entry.Fault));
    }

    [Fact]
    public async Task Status_faults_after_commit_replace_the_answer_of_a_write_that_happened()
    {
        await using var session = await StartAsync();
        var tenant = session.Emulator.Tenant;
        var listId = tenant.DefaultTodoListId("u1");
        var id = Id(tenant.CreateTodoTask("u1", listId, NewTask("finish me")));
        var other = Id(tenant.CreateTodoTask("u1", listId, NewTask("delete me")));
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.GatewayTimeout, Endpoint = EndpointKind.TodoTask, Method = "PATCH", AfterCommit = true });
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Endpoint = EndpointKind.TodoTask, Method = "DELETE", AfterCommit = true });

        var (read, _) = await session.GetAsync(TaskUrl(listId, id));
        var (patched, _) = await session.SendAsync(HttpMethod.Patch, TaskUrl(listId, id), new JsonObject { ["status"] = "completed" });
        var deleteFailure = await Record.ExceptionAsync(() => session.SendAsync(HttpMethod.Delete, TaskUrl(listId, other)));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, patched.StatusCode);
        Assert.Equal("completed", Text(tenant.GetTodoTask("u1", listId, id)!["status"]));
        Assert.NotNull(tenant.GetTodoTask("u1", listId, id)!["completedDateTime"]);
        Assert.True(deleteFailure is HttpRequestException or IOException, deleteFailure?.ToString() ?? "the DELETE succeeded");
        Assert.Null(tenant.GetTodoTask("u1", listId, other));
    }

    [Fact]
    public async Task Body_faults_before_commit_break_the_answer_and_the_write_does_not_happen()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Endpoint = EndpointKind.TodoTasks, Method = "POST" });
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedJson, Endpoint = EndpointKind.TodoTasks, Method = "POST" });

        var dropped = await Record.ExceptionAsync(() => session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("a")));
        using var request = new HttpRequestMessage(HttpMethod.Post, Tasks(listId)) { Content = new StringContent("""{"title":"b"}""", System.Text.Encoding.UTF8, "application/json") };
        using var truncated = await session.Http.SendAsync(request);
        var text = await truncated.Content.ReadAsStringAsync();

        Assert.True(dropped is HttpRequestException or IOException, dropped?.ToString() ?? "the POST succeeded");
        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Empty(session.Emulator.Tenant.GetTodoTasks("u1", listId));
    }

    [Fact]
    public async Task A_Method_filter_only_hits_the_named_method_and_AfterCommit_rules_wait_for_a_write()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Method = "post", Endpoint = EndpointKind.TodoTasks, Times = 2 });
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Mailbox = "u2", AfterCommit = true });

        var statuses = new List<int>
        {
            (int)(await session.GetAsync(Tasks(listId))).Response.StatusCode,
            (int)(await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("x"))).Response.StatusCode,
            (int)(await session.GetAsync(Tasks(listId) + "/delta")).Response.StatusCode,
            (int)(await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("x"))).Response.StatusCode,
            (int)(await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("x"))).Response.StatusCode,
        };
        var bobList = session.Emulator.Tenant.DefaultTodoListId("u2");
        var (bobRead, _) = await session.GetAsync(Tasks(bobList, "u2"));
        var (bobWrite, _) = await session.SendAsync(HttpMethod.Post, Tasks(bobList, "u2"), NewTask("y"));

        Assert.Equal([200, 429, 200, 429, 201], statuses);
        Assert.Single(session.Emulator.Tenant.GetTodoTasks("u1", listId));
        Assert.Equal(HttpStatusCode.OK, bobRead.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, bobWrite.StatusCode);
        Assert.Single(session.Emulator.Tenant.GetTodoTasks("u2", bobList));
    }

    [Fact]
    public async Task Random_faults_stay_before_the_write_unless_an_after_commit_share_is_set()
    {
        async Task<(int Created, int Failed, List<string?> Labels)> RunAsync(double afterCommitShare)
        {
            await using var session = await StartAsync();
            var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
            session.Emulator.Faults.RandomAfterCommitShare = afterCommitShare;
            session.Emulator.Faults.UseRandom(11, 0.5, FaultKind.ServiceUnavailable, FaultKind.GatewayTimeout);
            var failed = 0;
            for (var i = 0; i < 20; i++)
            {
                var (response, _) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask($"t{i}"));
                failed += response.IsSuccessStatusCode ? 0 : 1;
            }

            return (session.Emulator.Tenant.GetTodoTasks("u1", listId).Count, failed, [.. session.Emulator.Requests.Snapshot().Select(e => e.Fault)]);
        }

        var before = await RunAsync(0);
        var after = await RunAsync(1);

        Assert.InRange(before.Failed, 1, 19);
        Assert.Equal(20 - before.Failed, before.Created);
        Assert.DoesNotContain(before.Labels, l => l is not null && l.Contains("after commit", StringComparison.Ordinal));
        Assert.InRange(after.Failed, 1, 19);
        Assert.Equal(20, after.Created);
        Assert.All(after.Labels.Where(l => l is not null), l => Assert.EndsWith("(after commit)", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task To_Do_requests_count_against_the_mailbox_concurrency_cap_and_are_logged()
    {
        await using var session = await StartAsync();
        var listId = session.Emulator.Tenant.DefaultTodoListId("u1");
        session.Emulator.Requests.Clear();
        // Long enough that the four are surely still running when the fifth arrives, even on a loaded CI machine.
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromSeconds(3), Times = 4 });

        var slow = new List<Task<(HttpResponseMessage Response, JsonObject? Body)>>
        {
            session.GetAsync(Tasks(listId)),
            session.GetAsync(Delta(listId)),
            session.GetAsync(Lists()),
            session.GetAsync("v1.0/users/u1/mailboxSettings"),
        };
        await Eventually.WaitUntilAsync(() => session.Emulator.Requests.MaxConcurrency("u1") == 4);
        var (fifth, body) = await session.SendAsync(HttpMethod.Post, Tasks(listId), NewTask("fifth"));
        var results = await Task.WhenAll(slow);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal("MailboxConcurrency", Text(body!["error"]!["innerError"]!["code"]));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Empty(session.Emulator.Tenant.GetTodoTasks("u1", listId));
        Assert.Equal(5, session.Emulator.Requests.MaxConcurrency("alice@contoso.test"));
        var log = session.Emulator.Requests;

        // An entry is written once its response has gone out, which can be just after the client read it.
        await Eventually.WaitUntilAsync(() => log.Count(mailbox: "u1") == 5);
        Assert.Equal(2, log.Count(EndpointKind.TodoTasks, "u1"));
        Assert.Equal(1, log.Count(EndpointKind.TodoTasksDelta, "u1"));
        Assert.Equal(1, log.Count(EndpointKind.TodoLists, "u1"));
        Assert.Equal(1, log.Count(EndpointKind.MailboxSettings, "u1"));
        var post = log.Snapshot().Single(e => e.Method == "POST" && e.Endpoint == EndpointKind.TodoTasks);
        Assert.Equal((429, "u1"), (post.Status, post.Mailbox));
        Assert.Equal($"/v1.0/users/u1/todo/lists/{Uri.EscapeDataString(listId)}/tasks".Replace("%3D", "=", StringComparison.Ordinal), post.Path);
    }
}
