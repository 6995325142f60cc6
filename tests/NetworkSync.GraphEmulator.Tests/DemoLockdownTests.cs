using System.Net;
using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator.Tests.Subscriptions;

namespace NetworkSync.GraphEmulator.Tests;

/// <summary>
/// The emulator as demo mode runs it: tokens only for the configured client secret, and a subscription's
/// clientState seen only by its creator, in the create answer.
/// </summary>
public sealed class DemoLockdownTests
{
    [Theory]
    [InlineData("client_credentials", "wrong-secret")]
    [InlineData("client_credentials", "secre")]
    [InlineData("password", "")]
    [InlineData("password", "wrong-secret")]
    public async Task With_a_client_secret_set_the_token_endpoint_refuses_any_other(string grant, string secret)
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions { ClientSecret = "the-demo-secret" });
        emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        using var http = new HttpClient();
        using var refused = await http.PostAsync(emulator.TokenEndpoint, Form(grant, secret));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_client", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());

        using var issued = await http.PostAsync(emulator.TokenEndpoint, Form(grant, "the-demo-secret"));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task Without_echo_on_read_only_the_create_answer_carries_the_client_state()
    {
        await using var session = await SubscriptionSession.StartAsync(o => o with { ClientSecret = "secret", EchoClientStateOnRead = false });
        var (created, body) = await session.PostAsync(session.Body("users/u1/messages", "created", "notify", "secret-state", null, null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("secret-state", body!["clientState"]!.GetValue<string>());
        var id = body["id"]!.GetValue<string>();

        var (_, list) = await session.Graph.GetAsync("v1.0/subscriptions");
        var (_, one) = await session.Graph.GetAsync($"v1.0/subscriptions/{id}");
        Assert.DoesNotContain("secret-state", list!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-state", one!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(id, one["id"]!.GetValue<string>());
    }

    private static FormUrlEncodedContent Form(string grant, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = grant,
        ["client_id"] = "c",
        ["client_secret"] = secret,
        ["scope"] = "https://graph.microsoft.com/.default",
        ["username"] = "alice@contoso.test",
    });
}
