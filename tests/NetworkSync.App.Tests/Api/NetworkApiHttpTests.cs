using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

/// <summary>The endpoints over HTTP: status codes, Problem Details, JSON shapes and the OpenAPI document.</summary>
public sealed class NetworkApiHttpTests(NetworkApiHost host) : IClassFixture<NetworkApiHost>
{
    private static readonly string[] OperationNames =
    [
        "GetMe", "GetPersonContext", "GetPersonContextBatch", "ListCallerContacts", "GetContactHistory",
        "MuteContact", "UnmuteContact", "MarkContactAsPerson", "UnmarkContactAsPerson", "GetSettings", "UpdateSettings",
        "GetCallerNetworkOverview",
    ];

    private static readonly string[] Monday = ["monday"];
    private static readonly string[] FridayAndMonday = ["friday", "monday"];

    private HttpClient Http => host.Http;

    [Fact]
    public async Task Me_names_the_callers_mailbox_the_mode_and_the_clock()
    {
        using var me = await JsonAsync("/api/me");

        Assert.Equal("u-dana", me.RootElement.GetProperty("mailbox").GetProperty("id").GetString());
        Assert.Equal(FollowUps.FollowUpMailbox.Dana, me.RootElement.GetProperty("mailbox").GetProperty("mail").GetString());
        Assert.Equal("Dana Whitfield", me.RootElement.GetProperty("mailbox").GetProperty("displayName").GetString());
        Assert.Equal("local", me.RootElement.GetProperty("mode").GetString());
        Assert.Equal("2026-06-10T12:00:00Z", me.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Context_answers_the_documented_shape_and_a_first_contact_for_an_unknown_address()
    {
        using var ana = await JsonAsync("/api/context/Ana.Abe%40Fabrikam.example");
        var root = ana.RootElement;
        Assert.Equal(
            ["address", "displayName", "known", "warmth", "tier", "reasons", "lastContact", "lastInbound", "lastOutbound", "lastMeeting", "flags", "interactions", "timeline", "meetings", "followUps", "otherAddresses", "warmPath", "organisation", "jobChange"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Ana, root.GetProperty("address").GetString());
        Assert.Equal(["dormant", "cooling", "firstContact", "owesReply", "muted", "automated"], root.GetProperty("flags").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("flags").GetProperty("owesReply").GetBoolean());
        Assert.Equal("2026-06-05T10:00:00Z", root.GetProperty("timeline")[0].GetProperty("at").GetString());
        Assert.Equal("2026-06-12T15:00:00Z", root.GetProperty("meetings").GetProperty("upcoming")[0].GetProperty("start").GetString());
        Assert.Equal(7, root.GetProperty("interactions").GetProperty("sent").GetInt32());

        using var stranger = await JsonAsync("/api/context/stranger%40nowhere.example");
        Assert.False(stranger.RootElement.GetProperty("known").GetBoolean());
        Assert.True(stranger.RootElement.GetProperty("flags").GetProperty("firstContact").GetBoolean());
        Assert.Equal("cold", stranger.RootElement.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Null, stranger.RootElement.GetProperty("lastContact").ValueKind);

        await AssertProblemAsync(await Http.GetAsync("/api/context/not-an-address"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await Http.GetAsync("/api/context/dana%40contoso.example"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Batch_answers_warmest_first_and_rejects_too_many_none_or_malformed_addresses()
    {
        var ok = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = new[] { Cara, "ANA.ABE@fabrikam.example", Ana, "dana@contoso.example", "new@nowhere.example" } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var batch = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()))
        {
            Assert.Equal("2026-06-10T12:00:00Z", batch.RootElement.GetProperty("asOf").GetString());
            Assert.Equal([Ana, Cara, "new@nowhere.example"], batch.RootElement.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("address").GetString()));
        }

        var tooMany = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = Enumerable.Range(0, 101).Select(i => $"p{i}@x.example").ToArray() });
        Assert.Contains("addresses", (await AssertProblemAsync(tooMany, HttpStatusCode.BadRequest)).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await AssertProblemAsync(await Http.PostAsJsonAsync("/api/context/batch", new { addresses = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        await AssertProblemAsync(await Http.PostAsync("/api/context/batch", empty), HttpStatusCode.BadRequest);

        var malformed = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = new[] { Ana, "nobody", "x@" } });
        using var problem = await AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["addresses[1]", "addresses[2]"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("'nobody'", errors.GetProperty("addresses[1]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_list_page_and_history_answer_or_explain_what_is_wrong()
    {
        using var page = await JsonAsync("/api/contacts?search=fabrikam&limit=2&offset=1");
        Assert.Equal(3, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal((1, 2), (page.RootElement.GetProperty("offset").GetInt32(), page.RootElement.GetProperty("limit").GetInt32()));
        var item = page.RootElement.GetProperty("items")[0];
        Assert.Equal(
            ["address", "displayName", "warmth", "tier", "reasons", "lastContact", "lastInbound", "lastOutbound", "lastMeeting", "dormant", "cooling", "automated", "interactions", "otherAddresses", "muted", "mergeReasons"],
            item.EnumerateObject().Select(p => p.Name));

        using var cooling = await JsonAsync("/api/contacts?filter=cooling");
        Assert.Equal(Gina, Assert.Single(cooling.RootElement.GetProperty("items").EnumerateArray()).GetProperty("address").GetString());

        using var badFilter = await AssertProblemAsync(await Http.GetAsync("/api/contacts?filter=hottest&limit=500"), HttpStatusCode.BadRequest);
        Assert.Equal(["filter", "limit"], badFilter.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await AssertProblemAsync(await Http.GetAsync("/api/contacts?offset=-3"), HttpStatusCode.BadRequest);

        using var history = await JsonAsync($"/api/contacts/{Uri.EscapeDataString(Ana)}/history");
        var months = history.RootElement.GetProperty("months");
        Assert.Equal(24, months.GetArrayLength());
        Assert.Equal(["month", "sent", "received", "meetings", "warmth"], months[23].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2026-05", 1), (months[22].GetProperty("month").GetString(), months[22].GetProperty("meetings").GetInt32()));
        using var flat = await JsonAsync("/api/contacts/stranger%40nowhere.example/history");
        Assert.Equal(24, flat.RootElement.GetProperty("months").GetArrayLength());
        await AssertProblemAsync(await Http.GetAsync("/api/contacts/nope/history"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Warm_paths_name_who_was_on_mail_with_someone_and_answer_an_empty_list_or_400()
    {
        // Dave wrote to Ben with Dana copied: Ben can introduce Dana to Dave.
        using var toDave = await JsonAsync($"/api/contacts/{Uri.EscapeDataString(Dave)}/intros");
        var ben = Assert.Single(toDave.RootElement.EnumerateArray());
        Assert.Equal(Ben, ben.GetProperty("address").GetString());
        Assert.Equal(["address", "displayName", "warmth", "tier", "score", "explanation", "evidence"], ben.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, ben.GetProperty("evidence").GetProperty("sharedMessages").GetInt32());
        Assert.Equal("2026-06-07T09:00:00Z", ben.GetProperty("evidence").GetProperty("lastTogether").GetString());
        Assert.StartsWith("Ben Bauer (", ben.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        // Beside the email: Dave is cool, not cold, so his context offers no introduction (the demo mailbox's
        // cold and dormant people do: DemoMailboxContextTests).
        using var dave = await JsonAsync($"/api/context/{Uri.EscapeDataString(Dave)}");
        Assert.Equal("cool", dave.RootElement.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Null, dave.RootElement.GetProperty("warmPath").ValueKind);

        // Ana is warm: no introduction needed.
        using var ana = await JsonAsync($"/api/context/{Uri.EscapeDataString(Ana)}");
        Assert.Equal(JsonValueKind.Null, ana.RootElement.GetProperty("warmPath").ValueKind);

        // The kickoff with the newcomer has not happened yet: no path so far.
        using var toNewbie = await JsonAsync($"/api/contacts/{Uri.EscapeDataString(Newbie)}/intros");
        Assert.Equal(0, toNewbie.RootElement.GetArrayLength());
        await AssertProblemAsync(await Http.GetAsync("/api/contacts/nope/intros"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Muting_and_marking_answer_204_both_ways_and_show_at_once()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/contacts/{Dave}/muted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/contacts/{Dave}/muted", null)).StatusCode);
        using (var dave = await JsonAsync($"/api/context/{Dave}"))
        {
            Assert.True(dave.RootElement.GetProperty("flags").GetProperty("muted").GetBoolean());
        }

        using (var muted = await JsonAsync("/api/contacts?filter=muted"))
        {
            Assert.Contains(muted.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("address").GetString() == Dave && i.GetProperty("muted").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{Dave}/muted")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{Dave}/muted")).StatusCode);
        using (var dave = await JsonAsync($"/api/context/{Dave}"))
        {
            Assert.False(dave.RootElement.GetProperty("flags").GetProperty("muted").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/contacts/{Robot}/person", null)).StatusCode);
        using (var robot = await JsonAsync($"/api/context/{Robot}"))
        {
            Assert.False(robot.RootElement.GetProperty("flags").GetProperty("automated").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{Robot}/person")).StatusCode);
        using (var robot = await JsonAsync($"/api/context/{Robot}"))
        {
            Assert.True(robot.RootElement.GetProperty("flags").GetProperty("automated").GetBoolean());
        }

        await AssertProblemAsync(await Http.PutAsync("/api/contacts/not%20an%20address/muted", null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Settings_are_read_checked_stored_and_applied()
    {
        using (var before = await JsonAsync("/api/settings"))
        {
            Assert.Equal(["dormantDays", "workingHours", "todoEnabled", "muted", "markedAsPerson", "suggestAsIntroducer", "organisationIntroductions", "waitingDays"], before.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(180, before.RootElement.GetProperty("dormantDays").GetInt32());
        }

        var invalid = await Http.PutAsJsonAsync("/api/settings", new { dormantDays = 7, workingHours = new { timeZone = "Nowhere/Land", days = Monday, start = "18:00", end = "09:00" } });
        using (var problem = await AssertProblemAsync(invalid, HttpStatusCode.BadRequest))
        {
            Assert.Equal(["dormantDays", "workingHours.end", "workingHours.timeZone"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        try
        {
            var saved = await Http.PutAsJsonAsync("/api/settings", new { dormantDays = 45, workingHours = new { timeZone = "Pacific Standard Time", days = FridayAndMonday, start = "08:30", end = "17:30" }, todoEnabled = false });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            using (var after = await JsonAsync("/api/settings"))
            {
                Assert.Equal(45, after.RootElement.GetProperty("dormantDays").GetInt32());
                Assert.Equal("""{"timeZone":"Pacific Standard Time","days":["monday","friday"],"start":"08:30","end":"17:30"}""", after.RootElement.GetProperty("workingHours").GetRawText());
                Assert.False(after.RootElement.GetProperty("todoEnabled").GetBoolean());
            }

            Assert.NotEmpty(host.Jobs.Jobs);
            using var fred = await JsonAsync($"/api/context/{Fred}");
            Assert.True(fred.RootElement.GetProperty("flags").GetProperty("dormant").GetBoolean());
        }
        finally
        {
            // The other tests of the class share the mailbox and expect the default threshold.
            Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync("/api/settings", new { dormantDays = 180 })).StatusCode);
        }
    }

    [Fact]
    public async Task The_network_overview_answers_its_shape_and_a_bad_waiting_days_setting_is_a_problem()
    {
        using (var overview = await JsonAsync("/api/network-overview"))
        {
            var root = overview.RootElement;
            Assert.Equal(["asOf", "months", "organisations", "weakTies", "owesReply", "waitingOnThem", "waitingDays"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(24, root.GetProperty("months").GetArrayLength());
            Assert.Equal(["month", "hot", "warm", "cool", "gained", "lost"], root.GetProperty("months")[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal("2026-06", root.GetProperty("months")[23].GetProperty("month").GetString());
            Assert.Equal(7, root.GetProperty("waitingDays").GetInt32());
        }

        foreach (var bad in new object[] { new { waitingDays = 0 }, new { waitingDays = 61 }, new { waitingDays = -7 } })
        {
            using var problem = await AssertProblemAsync(await Http.PutAsJsonAsync("/api/settings", bad), HttpStatusCode.BadRequest);
            Assert.Equal(["waitingDays"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        using var text = await AssertProblemAsync(await Http.PutAsync("/api/settings", new StringContent("""{"waitingDays":"seven"}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        using var settings = await JsonAsync("/api/settings");
        Assert.Equal(7, settings.RootElement.GetProperty("waitingDays").GetInt32());
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_openapi_document_with_a_name_and_a_summary()
    {
        using var document = await JsonAsync("/openapi/v1.json");
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value))
            .Where(op => op.TryGetProperty("operationId", out _))
            .ToDictionary(op => op.GetProperty("operationId").GetString()!, op => op.TryGetProperty("summary", out var s) ? s.GetString() : null);

        foreach (var name in OperationNames)
        {
            Assert.True(operations.TryGetValue(name, out var summary), $"{name} is not in the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(summary), $"{name} has no summary");
        }
    }

    private async Task<JsonDocument> JsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    private static async Task<JsonDocument> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        return problem;
    }
}
