using System.Net;
using System.Text;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// Local mode's credential: a process that knows only the port gets none from any page; the URL printed
/// at start signs a browser in with an HttpOnly, SameSite=Strict cookie, which counts only for requests
/// from the service's own origin; the signed-in dashboard shows the task pane's pairing code.
/// </summary>
public sealed class LocalSignInTests(LocalSignInService fixture) : IClassFixture<LocalSignInService>
{
    [Fact]
    public async Task No_page_hands_a_caller_without_the_token_any_credential()
    {
        Assert.StartsWith(fixture.Origin + "/?token=", fixture.SignInUrl.ToString(), StringComparison.Ordinal);
        Assert.True(fixture.Token.Length >= 40, "the sign-in token is long and random");
        using var pairing = await SendAsync(HttpMethod.Get, "/api/local/pairing-code", ("Cookie", await fixture.SignInAsync()));
        var pairingCode = System.Text.Json.JsonDocument.Parse(await pairing.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        foreach (var page in new[] { "/", "/addin/taskpane.html", "/addin/auth-redirect.html", "/addin/manifest.xml", "/healthz", "/openapi/v1.json" })
        {
            using var response = await fixture.Raw.GetAsync(page);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { LocalSignInService.Key, fixture.Token, pairingCode, "networksync-key" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }

            Assert.False(response.Headers.Contains("Set-Cookie"), $"{page} sets no cookie without the token");
        }

        // Without a credential the API answers 401, and so does the pairing code's own endpoint.
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Raw.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Raw.GetAsync("/api/local/pairing-code")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Raw.GetAsync("/api/me/export")).StatusCode);
    }

    [Fact]
    public async Task The_printed_url_trades_its_token_for_an_http_only_strict_cookie_and_a_clean_redirect()
    {
        using var signIn = await fixture.Raw.GetAsync(fixture.SignInUrl);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.ToString());
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Token, cookie, StringComparison.Ordinal);

        // Another page keeps its own path and other query parameters.
        using var pane = await fixture.Raw.GetAsync($"/addin/taskpane.html?token={fixture.Token}&x=1");
        Assert.Equal("/addin/taskpane.html?x=1", pane.Headers.Location?.ToString());

        // A wrong token or a cookie this run never issued signs nobody in.
        using var wrong = await fixture.Raw.GetAsync($"/?token={fixture.Token}x");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        using var forged = await SendAsync(HttpMethod.Get, "/api/me", ("Cookie", $"NetworkSync.Session={fixture.Token}"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_counts_only_for_requests_from_the_services_own_origin()
    {
        var cookie = await fixture.SignInAsync();
        using (var me = await SendAsync(HttpMethod.Get, "/api/me", ("Cookie", cookie)))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal("no-store", me.Headers.CacheControl?.ToString());
        }

        using (var sameOrigin = await SendAsync(HttpMethod.Get, "/api/me", ("Cookie", cookie), ("Sec-Fetch-Site", "same-origin"), ("Origin", fixture.Origin)))
        {
            Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        }

        // Another loopback port is the same site (the cookie goes along) but not the same origin.
        var otherPort = new UriBuilder(fixture.Origin) { Port = fixture.Service.BaseAddress.Port + 1 }.Uri.GetLeftPart(UriPartial.Authority);
        foreach (var headers in new[] { new[] { ("Sec-Fetch-Site", "same-site") }, [("Sec-Fetch-Site", "cross-site")], [("Origin", otherPort)], [("Origin", "http://evil.example")] })
        {
            using var refused = await SendAsync(HttpMethod.Get, "/api/me", [("Cookie", cookie), .. headers]);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // A state-changing request must name this origin: a form from elsewhere (or no Origin at all) is refused.
        var body = """{"contacts":["ana.abe@fabrikam.example"],"title":"made by a forged request","due":"2030-01-01T09:00:00Z"}""";
        using (var forged = await SendAsync(HttpMethod.Post, "/api/followups", body, ("Cookie", cookie), ("Origin", otherPort)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var noOrigin = await SendAsync(HttpMethod.Post, "/api/followups", body, ("Cookie", cookie)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noOrigin.StatusCode);
        }

        using (var own = await SendAsync(HttpMethod.Post, "/api/followups", body.Replace("forged", "same-origin", StringComparison.Ordinal), ("Cookie", cookie), ("Origin", fixture.Origin)))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }

        Assert.DoesNotContain("made by a forged request", await fixture.Service.Http.GetStringAsync("/api/followups?status=all"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pairing_code_signs_the_task_pane_in_and_is_not_the_installs_key()
    {
        using var pairing = await SendAsync(HttpMethod.Get, "/api/local/pairing-code", ("Cookie", await fixture.SignInAsync()));
        Assert.Equal(HttpStatusCode.OK, pairing.StatusCode);
        Assert.Equal("no-store", pairing.Headers.CacheControl?.ToString());
        var code = System.Text.Json.JsonDocument.Parse(await pairing.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        Assert.Matches("^[0-9A-F]{5}(-[0-9A-F]{5}){5}$", code);
        Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), LocalSignInService.Key, StringComparison.OrdinalIgnoreCase);

        using var paired = await SendAsync(HttpMethod.Get, "/api/me", ("X-NetworkSync-Key", code.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.OK, paired.StatusCode);
        using var wrong = await SendAsync(HttpMethod.Get, "/api/me", ("X-NetworkSync-Key", code[..^1] + (code[^1] == '0' ? '1' : '0')));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Health_tells_anyone_only_whether_it_is_healthy_and_a_signed_in_caller_each_mailbox()
    {
        var anonymous = await fixture.Raw.GetStringAsync("/healthz");
        Assert.Contains("\"status\":\"ok\"", anonymous, StringComparison.Ordinal);
        Assert.Contains("\"reason\"", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("@", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("mailboxes", anonymous, StringComparison.OrdinalIgnoreCase);

        var signedIn = await fixture.Service.Http.GetStringAsync("/healthz");
        Assert.Contains("dana.whitfield@contoso.example", signedIn, StringComparison.Ordinal);
        Assert.Contains("\"succeeded\"", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_dashboard_needs_the_session_and_refuses_cross_site_forms()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Raw.GetAsync("/hangfire")).StatusCode);
        var cookie = await fixture.SignInAsync();
        using (var page = await SendAsync(HttpMethod.Get, "/hangfire/recurring", ("Cookie", cookie)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("directory", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A form on another site (or another loopback port) posting to remove a recurring job, with the
        // cookie (as a same-site page would send it) or without it; and a same-origin post without Hangfire's antiforgery token.
        var otherPort = new UriBuilder(fixture.Origin) { Port = fixture.Service.BaseAddress.Port + 1 }.Uri.GetLeftPart(UriPartial.Authority);
        var attempts = new (string Path, string Type, string Body, (string, string)[] Headers)[]
        {
            ("/hangfire/recurring/remove", "application/x-www-form-urlencoded", "jobs%5B%5D=directory", [("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site")]),
            ("/hangfire/recurring/remove", "application/x-www-form-urlencoded", "jobs%5B%5D=directory", [("Cookie", cookie), ("Origin", otherPort), ("Sec-Fetch-Site", "same-site")]),
            ("/hangfire/recurring/trigger", "text/plain", "jobs[]=notification-subscriptions", [("Cookie", cookie), ("Origin", otherPort)]),
            ("/hangfire/recurring/remove", "application/x-www-form-urlencoded", "jobs%5B%5D=directory", [("Cookie", cookie), ("Origin", fixture.Origin), ("Sec-Fetch-Site", "same-origin")]),
        };
        foreach (var (path, type, body, headers) in attempts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, type) };
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await fixture.Raw.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"POST {path} with {string.Join(", ", headers.Select(h => h.Item1))} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var after = await SendAsync(HttpMethod.Get, "/hangfire/recurring", ("Cookie", cookie));
        var listing = await after.Content.ReadAsStringAsync();
        Assert.Contains("directory", listing, StringComparison.Ordinal);
        Assert.Contains("privacy-retention", listing, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers) =>
        SendAsync(method, path, null, headers);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await fixture.Raw.SendAsync(request);
    }
}
