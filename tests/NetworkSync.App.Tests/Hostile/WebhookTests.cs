using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NetworkSync.App.Tests.Hostile;

/// <summary>
/// The webhook over HTTP, as anyone on the network could post to it: no key or token is needed (Graph
/// has none), so forged posts must be turned away by the clientState check, and the handshake echo must
/// never become a way to serve markup.
/// </summary>
public sealed class WebhookTests(ServedInstance service) : IClassFixture<ServedInstance>, IDisposable
{
    private readonly HttpClient anonymous = new() { BaseAddress = service.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => anonymous.Dispose();

    [Fact]
    public async Task The_handshake_echoes_the_token_as_plain_text_without_a_key()
    {
        var token = "Validation: token/with+odd=chars&more";
        using var response = await anonymous.PostAsync($"/api/notifications?validationToken={Uri.EscapeDataString(token)}", new StringContent("", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(token, await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("%0d%0aSet-Cookie:%20x=1")]
    [InlineData("a%00b")]
    [InlineData("")]
    public async Task A_handshake_token_with_control_characters_or_none_is_refused(string encodedToken)
    {
        using var response = await anonymous.PostAsync($"/api/notifications/lifecycle?validationToken={encodedToken}", null);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_burst_of_posts_from_one_address_is_answered_not_rate_limited_like_the_api()
    {
        // Graph posts bursts from few addresses and counts anything but a 2xx within 3 s as a failed delivery;
        // the API's 200-request burst per caller must not apply to the webhook.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 600).Select(async i =>
        {
            using var response = await anonymous.PostAsync($"/api/notifications?validationToken=burst-{i}", null);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task A_handshake_token_of_megabyte_length_is_refused()
    {
        using var response = await anonymous.PostAsync($"/api/notifications?validationToken={new string('a', 5000)}", null);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("guessed-client-state")]
    public async Task A_notification_without_the_right_clientState_is_rejected_with_403(string? clientState)
    {
        var item = new JsonObject { ["subscriptionId"] = Guid.NewGuid().ToString(), ["changeType"] = "created", ["resource"] = "Users/x/Messages/y" };
        if (clientState is not null)
        {
            item["clientState"] = clientState;
        }

        using var response = await anonymous.PostAsync("/api/notifications", Json(new JsonObject { ["value"] = new JsonArray(item) }));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"value\":[]}")]
    [InlineData("{\"value\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\"<script>alert(1)</script>\"")]
    public async Task A_body_that_is_not_a_notification_post_gets_400(string body)
    {
        using var response = await anonymous.PostAsync("/api/notifications", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var response = await anonymous.PostAsync("/api/notifications", new StringContent("value=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_flood_of_items_over_the_size_limit_is_refused_before_it_is_read()
    {
        var items = new JsonArray();
        for (var i = 0; i < 2000; i++)
        {
            items.Add(new JsonObject { ["subscriptionId"] = Guid.NewGuid().ToString(), ["clientState"] = "x" });
        }

        using var response = await anonymous.PostAsync("/api/notifications", Json(new JsonObject { ["value"] = items }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_webhook_does_not_open_the_rest_of_the_api()
    {
        using var response = await anonymous.GetAsync("/api/contacts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
    }
}
