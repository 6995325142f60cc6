using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Graph_requests_without_a_token_get_401_in_Graph_error_shape()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.GetAsync(new Uri("v1.0/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.Contains("request-id"));
        Assert.True(response.Headers.Contains("client-request-id"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("InvalidAuthenticationToken", error["code"]!.GetValue<string>());
        Assert.NotNull(error["innerError"]!["request-id"]);
    }

    [Fact]
    public async Task Token_endpoint_issues_app_only_tokens_and_checks_the_scope()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();
        using var badScope = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "c",
            ["client_secret"] = "s",
            ["scope"] = "Mail.Read",
        });
        using var rejected = await http.PostAsync(emulator.TokenEndpoint, badScope);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("invalid_scope", JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());

        using var good = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "c",
            ["client_secret"] = "s",
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var issued = await http.PostAsync(emulator.TokenEndpoint, good);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3599, body["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.Equal(new Uri(emulator.BaseAddress, "emulator-tenant/oauth2/v2.0/token"), emulator.TokenEndpoint);
    }

    [Fact]
    public async Task Me_needs_a_delegated_token()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));

        var (appOnly, appOnlyBody) = await session.GetAsync("v1.0/me");
        Assert.Equal(HttpStatusCode.BadRequest, appOnly.StatusCode);
        Assert.Equal("/me request is only valid with delegated authentication flow.", appOnlyBody!["error"]!["message"]!.GetValue<string>());

        var delegated = await EmulatorSession.RequestTokenAsync(session.Http, session.Emulator, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "c",
            ["username"] = "ALICE@contoso.test",
            ["password"] = "x",
            ["scope"] = "Mail.Read",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", delegated);
        using var me = await session.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("u1", JsonNode.Parse(await me.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expired_tokens_are_rejected()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { TokenLifetime = TimeSpan.FromMilliseconds(200) });
        await Task.Delay(300);

        var (response, body) = await session.GetAsync("v1.0/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_are_listed_with_paging_and_select_and_found_by_upn()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        for (var i = 0; i < 3; i++)
        {
            session.Emulator.Tenant.AddUser(TestFixtureFolder.User($"u{i}", $"user{i}@contoso.test"));
        }

        var (_, page1) = await session.GetAsync("v1.0/users?$select=displayName&$top=2");
        Assert.Equal(2, page1!["value"]!.AsArray().Count);
        Assert.Null(page1["value"]![0]!["mail"]);
        var (_, page2) = await session.GetAsync(page1["@odata.nextLink"]!.GetValue<string>());
        Assert.Single(page2!["value"]!.AsArray());
        Assert.Null(page2["@odata.nextLink"]);

        var (found, user) = await session.GetAsync("v1.0/users/user1@contoso.test");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("u1", user!["id"]!.GetValue<string>());
        var (missing, _) = await session.GetAsync("v1.0/users/nobody@contoso.test");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
