using System.Net;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

public sealed class SubscriptionRequestTests
{
    public static TheoryData<string, string> InvalidRequests => new()
    {
        { "resource", "users/u1/contacts" },
        { "resource", "users/u1/mailFolders/inbox/messages/m1" },
        { "resource", "me/contacts" },
        { "resource", "users/u1/messages?$filter=isRead eq false" },
        { "resource", "" },
        { "changeType", "" },
        { "changeType", "created,read" },
        { "changeType", "created," },
        { "notificationUrl", "http://example.com/notify" },
        { "notificationUrl", "/notify" },
        { "notificationUrl", "ftp://127.0.0.1/notify" },
        { "lifecycleNotificationUrl", "http://example.com/lifecycle" },
        { "expirationDateTime", "2025-03-10T08:59:59Z" },
        { "expirationDateTime", "2025-03-13T07:31:00Z" }, // 4231 minutes ahead: Graph's ExtensionError
        { "expirationDateTime", "next tuesday" },
        { "clientState", new string('s', 129) },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_invalid_request_is_a_400_before_any_validation_request(string property, string value)
    {
        await using var session = await SubscriptionSession.StartAsync();
        var body = session.Body();
        body[property] = value;

        var (response, error) = await session.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(value == "2025-03-13T07:31:00Z" ? "ExtensionError" : "InvalidRequest", error!["error"]!["code"]!.GetValue<string>());
        Assert.NotNull(error["error"]!["innerError"]!["request-id"]);
        Assert.Empty(session.Receiver.Validations);
        Assert.Equal(0, session.Emulator.Subscriptions.Count);
    }

    [Theory]
    [InlineData("changeType")]
    [InlineData("notificationUrl")]
    [InlineData("resource")]
    [InlineData("expirationDateTime")]
    public async Task A_missing_required_property_is_a_400(string property)
    {
        await using var session = await SubscriptionSession.StartAsync();
        var body = session.Body();
        body.Remove(property);

        var (response, _) = await session.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task By_default_a_72_hour_expiration_is_refused_with_Graphs_4230_minute_message_and_exactly_4230_is_accepted()
    {
        await using var session = await SubscriptionSession.StartAsync();

        var (tooLate, error) = await session.PostAsync(session.Body(expiresIn: TimeSpan.FromHours(72)));
        var (atLimit, _) = await session.PostAsync(session.Body(expiresIn: TimeSpan.FromMinutes(4230)));

        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Equal("ExtensionError", error!["error"]!["code"]!.GetValue<string>());
        Assert.Equal("Subscription expiration can only be 4230 minutes in the future.", error["error"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Fact]
    public async Task The_lifetime_limit_is_a_setting_for_pages_that_allow_10080_minutes()
    {
        await using var session = await SubscriptionSession.StartAsync(o => o with { MaxSubscriptionLifetime = TimeSpan.FromMinutes(10080) });

        var (tooLate, error) = await session.PostAsync(session.Body(expiresIn: TimeSpan.FromMinutes(10081)));
        var (atLimit, _) = await session.PostAsync(session.Body(expiresIn: TimeSpan.FromMinutes(10080)));

        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Equal("Subscription expiration can only be 10080 minutes in the future.", error!["error"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Theory]
    [InlineData("users/u1/messages")]
    [InlineData("/Users/alice@contoso.test/Messages")]
    [InlineData("users/u1/mailFolders('Inbox')/messages")]
    [InlineData("users/u1/mailFolders/inbox/messages")]
    [InlineData("users/u1/events")]
    [InlineData("USERS/bob@contoso.test/EVENTS")]
    public async Task The_supported_resource_forms_are_accepted_and_echoed(string resource)
    {
        await using var session = await SubscriptionSession.StartAsync();

        var (response, body) = await session.PostAsync(session.Body(resource));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(resource, body!["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_folder_can_be_named_by_its_id()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var folderId = session.Tenant.MailFolderId("u1", "archive");

        var (response, _) = await session.PostAsync(session.Body($"users/u1/mailFolders('{folderId}')/messages"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("users/nobody/messages", "ErrorInvalidUser")]
    [InlineData("users/nobody@contoso.test/events", "ErrorInvalidUser")]
    [InlineData("users/u1/mailFolders('nope')/messages", "ErrorItemNotFound")]
    public async Task An_unknown_user_or_folder_is_a_404(string resource, string code)
    {
        await using var session = await SubscriptionSession.StartAsync();

        var (response, body) = await session.PostAsync(session.Body(resource));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
        Assert.Empty(session.Receiver.Validations);
    }

    [Fact]
    public async Task A_token_is_required()
    {
        await using var session = await SubscriptionSession.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = session.Emulator.BaseAddress };

        using var response = await anonymous.PostAsync(
            new Uri("v1.0/subscriptions", UriKind.Relative), new StringContent(session.Body().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(session.Receiver.Validations);
    }

    [Fact]
    public async Task A_delegated_token_may_only_subscribe_to_its_own_mailbox()
    {
        await using var session = await SubscriptionSession.StartAsync();
        using var http = new HttpClient { BaseAddress = session.Emulator.BaseAddress };
        var token = await EmulatorSession.RequestTokenAsync(http, session.Emulator, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "delegated-client",
            ["username"] = "alice@contoso.test",
            ["password"] = "x",
            ["scope"] = "Mail.Read",
        });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var own = await http.PostAsync(new Uri("v1.0/subscriptions", UriKind.Relative), Json(session.Body("users/u1/messages")));
        using var other = await http.PostAsync(new Uri("v1.0/subscriptions", UriKind.Relative), Json(session.Body("users/u2/messages")));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var created = JsonNode.Parse(await own.Content.ReadAsStringAsync())!;
        Assert.Equal(("delegated-client", "u1"), (created["applicationId"]!.GetValue<string>(), created["creatorId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task The_docs_me_resource_form_works_with_a_delegated_token_and_is_refused_app_only()
    {
        await using var session = await SubscriptionSession.StartAsync();
        using var http = new HttpClient { BaseAddress = session.Emulator.BaseAddress };
        var token = await EmulatorSession.RequestTokenAsync(http, session.Emulator, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "delegated-client",
            ["username"] = "alice@contoso.test",
            ["password"] = "x",
            ["scope"] = "Mail.Read",
        });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        // The example request of "Create subscription": me/mailFolders('Inbox')/messages.
        using var delegated = await http.PostAsync(new Uri("v1.0/subscriptions", UriKind.Relative), Json(session.Body("me/mailFolders('Inbox')/messages")));
        var (appOnly, error) = await session.PostAsync(session.Body("me/events"));

        Assert.Equal(HttpStatusCode.Created, delegated.StatusCode);
        var created = JsonNode.Parse(await delegated.Content.ReadAsStringAsync())!;
        Assert.Equal("me/mailFolders('Inbox')/messages", created["resource"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, appOnly.StatusCode);
        Assert.Equal("/me request is only valid with delegated authentication flow.", error!["error"]!["message"]!.GetValue<string>());

        session.Tenant.UpsertMessage("u1", "inbox", TestFixtureFolder.Message("m-me"));
        await Eventually.TrueAsync(() => session.Receiver.Delivered("notify").Count == 1, "a notification for alice's inbox");
    }

    [Fact]
    public async Task List_and_get_return_the_current_subscriptions()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var first = await session.SubscribeAsync("users/u1/messages");
        var second = await session.SubscribeAsync("users/u2/events", changeType: "deleted", clientState: null, expiresIn: TimeSpan.FromDays(2));

        var (listed, list) = await session.Graph.GetAsync("v1.0/subscriptions");
        var (got, one) = await session.Graph.GetAsync($"v1.0/subscriptions/{second}");
        var (missing, _) = await session.Graph.GetAsync($"v1.0/subscriptions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.EndsWith("$metadata#subscriptions", list!["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([first, second], list["value"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal(("users/u2/events", "deleted"), (one!["resource"]!.GetValue<string>(), one["changeType"]!.GetValue<string>()));
        Assert.Null(one["clientState"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Patch_renews_within_the_limit_and_an_expired_subscription_is_gone()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync(expiresIn: TimeSpan.FromHours(1));
        session.Clock.Advance(TimeSpan.FromMinutes(30));
        var renewed = session.Clock.GetUtcNow() + TimeSpan.FromMinutes(4230);

        var (ok, body) = await session.Graph.SendAsync(HttpMethod.Patch, $"v1.0/subscriptions/{id}", new JsonObject { ["expirationDateTime"] = SubscriptionSession.Iso(renewed) });
        var (tooLate, error) = await session.Graph.SendAsync(HttpMethod.Patch, $"v1.0/subscriptions/{id}",
            new JsonObject { ["expirationDateTime"] = SubscriptionSession.Iso(renewed + TimeSpan.FromMinutes(1)) });
        var (unknown, _) = await session.Graph.SendAsync(HttpMethod.Patch, $"v1.0/subscriptions/{Guid.NewGuid()}",
            new JsonObject { ["expirationDateTime"] = SubscriptionSession.Iso(renewed) });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(SubscriptionSession.Iso(renewed), body!["expirationDateTime"]!.GetValue<string>());
        Assert.Equal(renewed, session.Emulator.Subscriptions.Get(id)!.ExpirationDateTime);
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Equal("Subscription expiration can only be 4230 minutes in the future.", error!["error"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        session.Clock.Advance(TimeSpan.FromMinutes(4231));
        var (expired, _) = await session.Graph.SendAsync(HttpMethod.Patch, $"v1.0/subscriptions/{id}",
            new JsonObject { ["expirationDateTime"] = SubscriptionSession.Iso(session.Clock.GetUtcNow() + TimeSpan.FromHours(1)) });
        var (_, list) = await session.Graph.GetAsync("v1.0/subscriptions");

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Empty(list!["value"]!.AsArray());
        Assert.Null(session.Emulator.Subscriptions.Get(id));
    }

    [Fact]
    public async Task Delete_removes_a_subscription_and_a_second_delete_is_a_404()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync();

        var (deleted, _) = await session.Graph.SendAsync(HttpMethod.Delete, $"v1.0/subscriptions/{id}");
        var (again, _) = await session.Graph.SendAsync(HttpMethod.Delete, $"v1.0/subscriptions/{id}");
        var (get, _) = await session.Graph.GetAsync($"v1.0/subscriptions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(0, session.Emulator.Subscriptions.Count);
    }

    [Fact]
    public async Task Subscription_requests_are_logged_as_Subscriptions()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var id = await session.SubscribeAsync();
        await session.Graph.GetAsync($"v1.0/subscriptions/{id}");
        await session.Graph.SendAsync(HttpMethod.Put, $"v1.0/subscriptions/{id}", new JsonObject());

        var entries = session.Emulator.Requests.Snapshot().Where(e => e.Endpoint == EndpointKind.Subscriptions).ToList();

        Assert.Equal([("POST", 201), ("GET", 200), ("PUT", 405)], entries.Select(e => (e.Method, e.Status)));
        Assert.Equal(3, session.Emulator.Requests.Count(EndpointKind.Subscriptions));
    }

    [Fact]
    public async Task A_fault_rule_applies_to_POST_subscriptions_before_the_handshake()
    {
        await using var session = await SubscriptionSession.StartAsync();
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Endpoint = EndpointKind.Subscriptions, Method = "POST", RetryAfter = "3" });

        var (faulted, body) = await session.PostAsync(session.Body());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal("serviceNotAvailable", body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal("3", faulted.Headers.GetValues("Retry-After").Single());
        Assert.Empty(session.Receiver.Validations);
        Assert.Equal(0, session.Emulator.Subscriptions.Count);

        var (retried, _) = await session.PostAsync(session.Body());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Contains(session.Emulator.Requests.Snapshot(), e => e.Endpoint == EndpointKind.Subscriptions && e.Status == 503 && e.Fault == "ServiceUnavailable");
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
