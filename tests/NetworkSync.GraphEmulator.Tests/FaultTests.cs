using System.Net;
using System.Text.Json;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class FaultTests
{
    private const string InboxDelta = "v1.0/users/u1/mailFolders/inbox/messages/delta";

    private static async Task<EmulatorSession> StartAsync()
    {
        var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u2", "bob@contoso.test"));
        for (var i = 0; i < 4; i++)
        {
            session.Emulator.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message($"m{i}"));
        }

        return session;
    }

    [Theory]
    [InlineData(FaultKind.TooManyRequests, HttpStatusCode.TooManyRequests, "TooManyRequests")]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "serviceNotAvailable")]
    [InlineData(FaultKind.GatewayTimeout, HttpStatusCode.GatewayTimeout, "UnknownError")]
    public async Task Status_faults_answer_with_the_status_a_Graph_error_and_the_retry_after_verbatim(FaultKind kind, HttpStatusCode status, string code)
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = kind, RetryAfter = "2.128", Endpoint = EndpointKind.MessagesDelta });

        var (faulted, body) = await session.GetAsync(InboxDelta);
        var (next, _) = await session.GetAsync(InboxDelta);

        Assert.Equal(status, faulted.StatusCode);
        Assert.Equal("2.128", faulted.Headers.GetValues("Retry-After").Single());
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_429_has_the_innerError_of_the_throttling_page()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = "2.128" });

        var (_, body) = await session.GetAsync(InboxDelta);

        var inner = body!["error"]!["innerError"]!.AsObject();
        Assert.Equal("429", inner["code"]!.GetValue<string>());
        Assert.Equal("Please retry after", inner["message"]!.GetValue<string>());
        Assert.Equal("429", inner["status"]!.GetValue<string>());
        Assert.NotNull(inner["date"]);
        Assert.NotNull(inner["request-id"]);
    }

    [Fact]
    public async Task SkipFirst_Times_and_mailbox_filters_pick_exactly_the_matching_requests()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Mailbox = "alice@contoso.test", SkipFirst = 1, Times = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((int)(await session.GetAsync(InboxDelta)).Response.StatusCode);
        }

        var (otherMailbox, _) = await session.GetAsync("v1.0/users/u2/mailFolders/inbox/messages/delta");

        Assert.Equal([200, 429, 429, 200], statuses);
        Assert.Equal(HttpStatusCode.OK, otherMailbox.StatusCode);
    }

    [Fact]
    public async Task SyncStateNotFound_only_hits_requests_that_carry_a_state_token()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SyncStateNotFound });

        var (_, deltaLink, _) = await session.SyncRoundAsync(InboxDelta);
        var (gone, body) = await session.GetAsync(deltaLink);

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("syncStateNotFound", body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(1, session.Emulator.Requests.Snapshot().Count(e => e.Fault == "SyncStateNotFound"));
    }

    [Fact]
    public async Task A_410_names_a_fresh_round_with_the_old_select_in_its_Location_header()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SyncStateNotFound });

        var (_, deltaLink, _) = await session.SyncRoundAsync(InboxDelta + "?$select=subject,from");
        var (gone, _) = await session.GetAsync(deltaLink);

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var location = Assert.Single(gone.Headers.GetValues("Location"));
        Assert.DoesNotContain("token", location, StringComparison.OrdinalIgnoreCase);
        var (fresh, body) = await session.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var first = body!["value"]!.AsArray()[0]!.AsObject();
        Assert.True(first.ContainsKey("subject"));
        Assert.False(first.ContainsKey("toRecipients"));
    }

    [Theory]
    [InlineData(FaultKind.ResyncRequired, "resyncRequired")]
    [InlineData(FaultKind.SyncStateNotFound400, "syncStateNotFound")]
    public async Task The_400_resync_faults_answer_Graphs_codes_only_to_requests_with_a_state_token(FaultKind kind, string code)
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = kind });

        var (initial, _) = await session.GetAsync(InboxDelta);
        var (_, deltaLink, _) = await session.SyncRoundAsync(InboxDelta);
        var (refused, body) = await session.GetAsync(deltaLink);

        Assert.Equal(HttpStatusCode.OK, initial.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(1, session.Emulator.Requests.Snapshot().Count(e => e.Fault == kind.ToString()));
    }

    [Fact]
    public async Task DropConnection_sends_headers_and_part_of_the_body_then_closes()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection });

        using var response = await session.Http.GetAsync(new Uri(InboxDelta, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var broken = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
        Assert.True(broken is IOException || broken.InnerException is IOException, broken.ToString());

        var (after, _) = await session.GetAsync(InboxDelta);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task TruncatedJson_completes_a_200_whose_body_does_not_parse()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedJson });

        using var response = await session.Http.GetAsync(new Uri(InboxDelta, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Slow_delays_then_answers_normally()
    {
        await using var session = await StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(300) });

        var started = DateTime.UtcNow;
        var (response, _) = await session.GetAsync(InboxDelta);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task Random_faults_repeat_for_the_same_seed()
    {
        async Task<List<int>> RunAsync(int seed)
        {
            await using var session = await StartAsync();
            session.Emulator.Faults.UseRandom(seed, 0.5, FaultKind.TooManyRequests, FaultKind.ServiceUnavailable);
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((int)(await session.GetAsync(InboxDelta)).Response.StatusCode);
            }

            return statuses;
        }

        var first = await RunAsync(7);
        var second = await RunAsync(7);

        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(first, s => s is 429 or 503);
    }

    [Fact]
    public async Task A_fifth_concurrent_request_for_a_mailbox_is_throttled_with_MailboxConcurrency()
    {
        await using var session = await StartAsync();
        // Long enough that the four are still in flight on a loaded machine when the fifth arrives.
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromSeconds(3), Times = 4 });

        var slow = Enumerable.Range(0, 4).Select(_ => session.GetAsync(InboxDelta)).ToList();
        await Eventually.WaitUntilAsync(() => session.Emulator.Requests.MaxConcurrency("u1") == 4);
        var (fifth, body) = await session.GetAsync(InboxDelta);
        var (otherMailbox, _) = await session.GetAsync("v1.0/users/u2/mailFolders/inbox/messages/delta");
        var results = await Task.WhenAll(slow);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.True(fifth.Headers.Contains("Retry-After"));
        Assert.Equal("ApplicationThrottled", body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal("MailboxConcurrency", body["error"]!["innerError"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, otherMailbox.StatusCode);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Equal(5, session.Emulator.Requests.MaxConcurrency("alice@contoso.test"));
    }
}
