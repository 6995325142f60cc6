using System.Net;
using System.Net.Http.Json;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests;

public sealed class ServeTests
{
    private const string Key = "serve-test-key-0123456789";
    private static readonly string[] Ana = ["Ana.Abe@Fabrikam.example"];
    private static readonly string[] NotAnAddress = ["not an address"];

    [Fact]
    public async Task Serve_prints_its_url_turns_healthy_after_the_first_sync_and_serves_api_and_openapi()
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        // Not waiting for health here: the test itself checks that /healthz answers 503 until the first sync is done.
        await using var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("serve.db")], key: Key, waitForHealthy: false);
        var url = service.BaseAddress.GetLeftPart(UriPartial.Authority);
        var printed = await service.FirstOutputLine.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Contains(url, printed, StringComparison.Ordinal);

        using var anonymous = new HttpClient { BaseAddress = service.BaseAddress };
        var http = service.Http;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        HttpStatusCode status;
        while ((status = (await http.GetAsync("/healthz")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"succeeded\"", await http.GetStringAsync("/healthz"), StringComparison.Ordinal);
        Assert.Contains("dana.whitfield@contoso.example", await http.GetStringAsync("/api/mailboxes"), StringComparison.Ordinal);
        var listing = await http.GetStringAsync("/api/mailboxes/dana.whitfield@contoso.example/contacts");
        Assert.Contains("\"address\"", listing, StringComparison.Ordinal);
        Assert.Matches("\"lastContact\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"", listing);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/mailboxes/nobody@nowhere.example/contacts")).StatusCode);
        Assert.Contains("\"openapi\"", await http.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
        await LocalModeGuardsTheApi(anonymous, url);

        // Muting a contact through the API takes it out of the listing; an unknown override is a Problem Details 400.
        using var contacts = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/mailboxes/dana.whitfield@contoso.example/contacts"));
        var first = contacts.RootElement[0].GetProperty("address").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await http.PutAsync($"/api/mailboxes/dana.whitfield@contoso.example/contacts/{first}/overrides/muted", null)).StatusCode);
        Assert.DoesNotContain($"\"{first}\"", await http.GetStringAsync("/api/mailboxes/dana.whitfield@contoso.example/contacts"), StringComparison.Ordinal);
        var bad = await http.PutAsync($"/api/mailboxes/dana.whitfield@contoso.example/contacts/{first}/overrides/frobnicate", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);

        await FollowUpApiWorks(http);
    }

    private static async Task LocalModeGuardsTheApi(HttpClient anonymous, string url)
    {
        // Without the key: 401 Problem Details; with a wrong one too.
        var refused = await anonymous.GetAsync("/api/followups");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/mailboxes");
        wrong.Headers.Add("X-NetworkSync-Key", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);

        // The pages it serves carry no key (LocalSignInTests covers the sign-in); health and the OpenAPI document need none.
        var dashboard = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain(Key, await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", dashboard.Headers.CacheControl?.ToString());
        Assert.Contains("frame-ancestors 'self' https://outlook.office.com", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("networksync-key", await anonymous.GetStringAsync("/addin/taskpane.html"), StringComparison.Ordinal);
        Assert.Equal("text/javascript", (await anonymous.GetAsync("/addin/taskpane.js")).Content.Headers.ContentType?.MediaType);

        // The manifest points at this very instance.
        var manifest = await anonymous.GetStringAsync("/addin/manifest.xml");
        Assert.Contains($"{url}/addin/taskpane.html", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("https://localhost:5180", manifest, StringComparison.Ordinal);

        // A request naming another host (DNS rebinding) is refused.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(rebound)).StatusCode);
    }

    private static async Task FollowUpApiWorks(HttpClient http)
    {
        using var listed = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/followups?status=all"));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, listed.RootElement.ValueKind);

        var created = await http.PostAsJsonAsync("/api/followups", new { contacts = Ana, title = "Send Ana the deck", due = "2026-12-01T17:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var createdJson = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = createdJson.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("manual", createdJson.RootElement.GetProperty("kind").GetString());
        Assert.Equal("ana.abe@fabrikam.example", createdJson.RootElement.GetProperty("contacts")[0].GetString());
        Assert.Contains($"\"{id}\"", await http.GetStringAsync("/api/followups"), StringComparison.Ordinal);

        var snoozeInPast = await http.PostAsJsonAsync($"/api/followups/{id}/snooze", new { until = "2001-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, snoozeInPast.StatusCode);
        Assert.Equal("application/problem+json", snoozeInPast.Content.Headers.ContentType?.MediaType);

        var done = await http.PostAsync($"/api/followups/{id}/done", null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("\"status\":\"done\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{id}\"", await http.GetStringAsync("/api/followups"), StringComparison.Ordinal);

        var unknown = await http.PostAsync("/api/followups/fu_nope/dismiss", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var invalid = await http.PostAsJsonAsync("/api/followups", new { contacts = NotAnAddress, title = "", due = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("contacts", problem, StringComparison.Ordinal);
        Assert.Contains("title", problem, StringComparison.Ordinal);
        Assert.Contains("due", problem, StringComparison.Ordinal);
    }
}
