using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetworkSync.GraphEmulator;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// The service with Entra ID sign-in turned on, run as a real process, trusting the emulator's token
/// issuer (OpenID metadata and signing keys over HTTP, as Microsoft.Identity.Web reads Entra's). Every
/// token below is a real RS256 JWT; the hostile ones are each refused, and a valid token for someone
/// else reaches none of the mailbox owner's data.
/// </summary>
public sealed class EntraSignInTests(EntraService fixture) : IClassFixture<EntraService>
{

    [Fact]
    public async Task A_valid_token_for_the_mailbox_owner_reaches_their_network_and_only_theirs()
    {
        using var me = await SendAsync("/api/me", Token());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadAsStringAsync();
        Assert.Contains("dana.whitfield@contoso.example", body, StringComparison.Ordinal);
        Assert.Contains("\"entra\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/api/contacts", Token())).StatusCode);

        // The dashboard's model figures and merge suggestions are the caller's too, with a bearer token.
        using var knowledge = await SendAsync("/api/network-knowledge", Token());
        Assert.Equal(HttpStatusCode.OK, knowledge.StatusCode);
        using (var figures = JsonDocument.Parse(await knowledge.Content.ReadAsStringAsync()))
        {
            Assert.Equal("dana.whitfield@contoso.example", figures.RootElement.GetProperty("backtest").GetProperty("mailbox").GetString());
        }

        using var suggestions = await SendAsync("/api/merge-suggestions", Token());
        Assert.Equal(HttpStatusCode.OK, suggestions.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await suggestions.Content.ReadAsStringAsync()).RootElement.ValueKind);

        // The pages carry the sign-in settings for the add-in, and no local key.
        var page = await fixture.Http.GetStringAsync("/addin/taskpane.html");
        Assert.Contains("<meta name=\"networksync-auth\" content=\"entra\" />", page, StringComparison.Ordinal);
        Assert.Contains("api://networksync/access_as_user", page, StringComparison.Ordinal);
        Assert.DoesNotContain("networksync-key", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_for_someone_else_reaches_nothing_of_the_owners()
    {
        var stranger = Token(new ApiTokenRequest { ObjectId = "0f0f0f0f-1111-2222-3333-444455556666" });
        using var followUps = JsonDocument.Parse(await (await SendAsync("/api/followups?status=all", Token())).Content.ReadAsStringAsync());
        var ownersFollowUp = followUps.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetString()).First();

        foreach (var path in new[] { "/api/me", "/api/contacts", "/api/followups", "/api/settings", "/api/context/ana.abe%40fabrikam.example", "/api/network-knowledge", "/api/merge-suggestions" })
        {
            var response = await SendAsync(path, stranger);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.DoesNotContain("dana", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using var done = new HttpRequestMessage(HttpMethod.Post, $"/api/followups/{ownersFollowUp}/done");
        done.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stranger);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await fixture.Http.SendAsync(done)).StatusCode);
        Assert.Contains(ownersFollowUp!, await (await SendAsync("/api/followups", Token())).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var apart = new HttpRequestMessage(HttpMethod.Put, "/api/contacts/ana.abe%40fabrikam.example/apart/ana%40other.example");
        apart.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stranger);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await fixture.Http.SendAsync(apart)).StatusCode);

        // The mailbox-addressed endpoints of local mode do not exist for signed-in callers.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("/api/mailboxes", stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("/api/mailboxes/dana.whitfield@contoso.example/contacts", stranger)).StatusCode);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("expired")]
    [InlineData("not yet valid")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("another tenant")]
    [InlineData("alg none")]
    [InlineData("bad signature")]
    [InlineData("unknown key")]
    [InlineData("garbage")]
    [InlineData("local key")]
    public async Task Hostile_or_broken_tokens_get_401_and_no_data(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var token = kind switch
        {
            "missing" => null,
            "expired" => Token(new ApiTokenRequest { IssuedAt = now.AddHours(-3), NotBefore = now.AddHours(-3), ExpiresAt = now.AddHours(-2) }),
            "not yet valid" => Token(new ApiTokenRequest { IssuedAt = now, NotBefore = now.AddHours(2), ExpiresAt = now.AddHours(3) }),
            "wrong audience" => Token(new ApiTokenRequest { Audience = "api://someone-else" }),
            "wrong issuer" => Token(new ApiTokenRequest { Issuer = "https://login.microsoftonline.com/evil/v2.0" }),
            "another tenant" => Token(new ApiTokenRequest { TenantId = "other-tenant", Issuer = fixture.Issuer.ApiTokens.GetIssuer("other-tenant") }),
            "alg none" => Token(new ApiTokenRequest { Signing = ApiTokenSigning.None }),
            "bad signature" => Token(new ApiTokenRequest { Signing = ApiTokenSigning.TamperedPayload }),
            "unknown key" => Token(new ApiTokenRequest { Signing = ApiTokenSigning.UnknownKey }),
            "garbage" => "not.a.jwt",
            _ => null,
        };

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/contacts");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (kind == "local key")
        {
            request.Headers.Add("X-NetworkSync-Key", new string('k', 40));
        }

        var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("dana", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_valid_token_without_the_api_scope_is_forbidden()
    {
        var response = await SendAsync("/api/contacts", Token(new ApiTokenRequest { Scopes = ["User.Read"] }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Health_names_the_mailboxes_only_to_a_signed_in_administrator()
    {
        var anonymous = await fixture.Http.GetStringAsync("/healthz");
        Assert.Contains("\"status\":\"ok\"", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("@", anonymous, StringComparison.Ordinal);
        var user = await (await SendAsync("/healthz", Token())).Content.ReadAsStringAsync();
        Assert.DoesNotContain("@", user, StringComparison.Ordinal);

        var admin = Token(new ApiTokenRequest { Scopes = ["access_as_user"], Roles = ["NetworkSync.Admin"] });
        var detailed = await (await SendAsync("/healthz", admin)).Content.ReadAsStringAsync();
        Assert.Contains("dana.whitfield@contoso.example", detailed, StringComparison.Ordinal);
        Assert.Contains("\"succeeded\"", detailed, StringComparison.Ordinal);
    }

    private string Token(ApiTokenRequest? request = null) =>
        fixture.Issuer.ApiTokens.Issue((request ?? new ApiTokenRequest()) with { ObjectId = request?.ObjectId ?? fixture.Owner });

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Http.SendAsync(request);
    }
}
