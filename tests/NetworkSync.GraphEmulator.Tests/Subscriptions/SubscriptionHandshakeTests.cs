using System.Net;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

public sealed class SubscriptionHandshakeTests
{
    private const string ValidationFailed =
        "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.";

    [Fact]
    public async Task A_subscription_is_created_after_the_endpoint_echoes_the_validation_token()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var expiration = SubscriptionSession.Start + TimeSpan.FromDays(2);
        var body = session.Body(expiresIn: TimeSpan.FromDays(2), lifecyclePath: "lifecycle");

        var (response, created) = await session.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Guid.TryParse(created!["id"]!.GetValue<string>(), out _));
        Assert.EndsWith("/v1.0/$metadata#subscriptions/$entity", created["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("users/u1/messages", created["resource"]!.GetValue<string>());
        Assert.Equal("test-client", created["applicationId"]!.GetValue<string>());
        Assert.Equal("created,updated,deleted", created["changeType"]!.GetValue<string>());
        Assert.Equal("secret-state", created["clientState"]!.GetValue<string>());
        Assert.Equal(session.Receiver.Url().ToString(), created["notificationUrl"]!.GetValue<string>());
        Assert.Equal(session.Receiver.Url("lifecycle").ToString(), created["lifecycleNotificationUrl"]!.GetValue<string>());
        Assert.Equal(SubscriptionSession.Iso(expiration), created["expirationDateTime"]!.GetValue<string>());
        Assert.Equal("test-client", created["creatorId"]!.GetValue<string>());
        Assert.Equal("v1_2", created["latestSupportedTlsVersion"]!.GetValue<string>());
        Assert.Equal("application/json", created["notificationContentType"]!.GetValue<string>());

        // One handshake per URL: POST, text/plain, empty body, a token that needed URL-decoding.
        var validations = session.Receiver.Validations;
        Assert.Equal(["notify", "lifecycle"], validations.Select(v => v.Path));
        Assert.All(validations, v =>
        {
            Assert.Equal("POST", v.Method);
            Assert.Equal("text/plain", v.ContentType);
            Assert.Equal(0, v.BodyLength);
            Assert.StartsWith("Validation: ", v.Token, StringComparison.Ordinal);
        });
        Assert.NotEqual(validations[0].Token, validations[1].Token);

        var stored = Assert.Single(session.Emulator.Subscriptions.Snapshot());
        Assert.Equal((created["id"]!.GetValue<string>(), "secret-state", expiration), (stored.Id, stored.ClientState, stored.ExpirationDateTime));
    }

    [Fact]
    public async Task A_trailing_newline_after_the_token_is_tolerated()
    {
        await using var session = await SubscriptionSession.StartAsync();
        session.Receiver.Answer("notify", ValidationAnswer.EchoTokenWithNewline);

        var (response, _) = await session.PostAsync(session.Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(ValidationAnswer.WrongToken)]
    [InlineData(ValidationAnswer.ServerError)]
    [InlineData(ValidationAnswer.Slow)]
    [InlineData(ValidationAnswer.RedirectToEcho)]
    public async Task A_failed_handshake_is_a_400_ValidationError_and_creates_nothing(ValidationAnswer answer)
    {
        await using var session = await SubscriptionSession.StartAsync(o => o with { SubscriptionValidationTimeout = TimeSpan.FromMilliseconds(500) });
        session.Receiver.Answer("notify", answer);
        session.Receiver.Answer("echo", ValidationAnswer.EchoToken);

        var (response, body) = await session.PostAsync(session.Body());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationError", body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(ValidationFailed, body["error"]!["message"]!.GetValue<string>());
        Assert.Equal(0, session.Emulator.Subscriptions.Count);
        Assert.DoesNotContain(session.Receiver.Validations, v => v.Path == "echo");
    }

    [Fact]
    public async Task A_lifecycle_url_that_fails_the_handshake_fails_the_subscription()
    {
        await using var session = await SubscriptionSession.StartAsync();
        session.Receiver.Answer("lifecycle", ValidationAnswer.WrongToken);

        var (response, body) = await session.PostAsync(session.Body(lifecyclePath: "lifecycle"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationError", body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(["notify", "lifecycle"], session.Receiver.Validations.Select(v => v.Path));
        Assert.Equal(0, session.Emulator.Subscriptions.Count);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_the_handshake()
    {
        await using var session = await SubscriptionSession.StartAsync();
        var receiverUrl = session.Receiver.Url();
        await session.Receiver.DisposeAsync();
        var body = session.Body();
        body["notificationUrl"] = receiverUrl.ToString();

        var (response, error) = await session.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationError", error!["error"]!["code"]!.GetValue<string>());
    }
}
