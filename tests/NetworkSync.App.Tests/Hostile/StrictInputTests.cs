using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NetworkSync.App.Tests.Hostile;

/// <summary>
/// Round two of hostile API input on the real service: dates in one strict ISO 8601 form (anything else is
/// 400 Problem Details, never a 500 or a guess), and no correction about the owner's own address (or a
/// look-alike of it) through any route, while one stored earlier can still be undone.
/// </summary>
public sealed class StrictInputTests(ServedInstance service) : IClassFixture<ServedInstance>
{
    private const string Owner = "dana.whitfield@contoso.example";
    private static readonly string[] Ana = ["ana.abe@fabrikam.example"];

    [Theory]
    [InlineData("12/11/2026")]
    [InlineData("Tue, 01 Dec 2026 17:00:00 GMT")]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-01T17:00")]
    [InlineData("2026-12-01T17:00:00")]
    [InlineData("2026-12-01 17:00:00Z")]
    [InlineData("2026-13-01T17:00:00Z")]
    [InlineData("not a date")]
    [InlineData("")]
    public async Task A_due_or_until_date_not_in_strict_iso_8601_is_a_400_problem(string date)
    {
        using var created = await PostJsonAsync("/api/followups", $$"""{"contacts":["ana.abe@fabrikam.example"],"title":"strict date","due":"{{date}}"}""");
        await AssertBadRequestAsync(created);

        using var manual = await service.Http.PostAsJsonAsync("/api/followups", new { contacts = Ana, title = "to snooze", due = "2030-01-01T09:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, manual.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await manual.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var snoozed = await PostJsonAsync($"/api/followups/{id}/snooze", $$"""{"until":"{{date}}"}""");
        await AssertBadRequestAsync(snoozed);
    }

    [Theory]
    [InlineData("2030-12-01T17:00:00Z")]
    [InlineData("2030-12-01T17:00:00.123Z")]
    [InlineData("2030-12-01T19:00:00+02:00")]
    public async Task Strict_iso_8601_dates_with_a_zone_are_taken(string date)
    {
        using var created = await PostJsonAsync("/api/followups", $$"""{"contacts":["ana.abe@fabrikam.example"],"title":"iso date","due":"{{date}}"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"due\":\"2030-12-01T17:00:00Z\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData("Dana.Whitfield@contoso.example.")]
    [InlineData("dana.whit\u200Bfield@contoso.example")]
    [InlineData("d\u0430na.whitfield@contoso.example")] // Cyrillic а: drawn like the owner's address
    public async Task The_mailbox_addressed_override_routes_refuse_the_owners_own_address_and_its_look_alikes(string address)
    {
        var encoded = Uri.EscapeDataString(address);
        using var muted = await service.Http.PutAsync($"/api/mailboxes/{Owner}/contacts/{encoded}/overrides/muted", null);
        Assert.Equal(HttpStatusCode.BadRequest, muted.StatusCode);
        Assert.Contains("That address is yours", await muted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var apart = await service.Http.PutAsync($"/api/mailboxes/{Owner}/contacts/ana.abe%40fabrikam.example/overrides/apart/{encoded}", null);
        Assert.Equal(HttpStatusCode.BadRequest, apart.StatusCode);
        using var callers = await service.Http.PutAsync($"/api/contacts/{encoded}/muted", null);
        Assert.Equal(HttpStatusCode.BadRequest, callers.StatusCode);
    }

    [Theory]
    [InlineData("dana.whitfield@contoso.example.")]
    [InlineData("dana.whit%E2%80%8Bfield@contoso.example")]
    public async Task A_mailbox_named_with_a_look_alike_spelling_of_its_address_is_that_mailbox(string mailbox)
    {
        using var response = await service.Http.GetAsync($"/api/mailboxes/{mailbox}/contacts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_override_on_the_owners_address_can_always_be_removed_through_the_callers_route()
    {
        using var removed = await service.Http.DeleteAsync($"/api/contacts/{Owner}/muted");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task Repeating_done_changes_neither_completion_time_nor_resolution()
    {
        using var manual = await service.Http.PostAsJsonAsync("/api/followups", new { contacts = Ana, title = "done twice", due = "2030-01-01T09:00:00Z" });
        var id = System.Text.Json.JsonDocument.Parse(await manual.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var first = await (await service.Http.PostAsync($"/api/followups/{id}/done", null)).Content.ReadAsStringAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // past the second the first one was stamped in
        var again = await (await service.Http.PostAsync($"/api/followups/{id}/done", null)).Content.ReadAsStringAsync();
        Assert.Equal(CompletedAt(first), CompletedAt(again));
        Assert.NotNull(CompletedAt(first));
    }

    private static string? CompletedAt(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.TryGetProperty("completedAt", out var at) ? at.GetString() : null;

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        service.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task AssertBadRequestAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
