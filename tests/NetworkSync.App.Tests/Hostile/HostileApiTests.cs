using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NetworkSync.App.Tests.Hostile;

/// <summary>Oversized, malformed and injected input against the caller-scoped API of the running service: clear 4xx, never 500, nothing leaked.</summary>
public sealed class HostileApiTests(ServedInstance service) : IClassFixture<ServedInstance>
{
    private HttpClient Http => service.Http;

    [Fact]
    public async Task Very_long_parameters_get_a_bounded_4xx_and_the_service_keeps_answering()
    {
        // A 100 KB address in the path: beyond Kestrel's request line, 414.
        await AssertRefusedAsync(await Http.GetAsync("/api/context/" + new string('a', 100_000) + "%40x.example"), HttpStatusCode.RequestUriTooLong);
        await AssertRefusedAsync(await Http.GetAsync($"/api/contacts/{new string('a', 100_000)}%40x.example/history"), HttpStatusCode.RequestUriTooLong);

        // Long, but within the request line: not an address (over 320 characters), Problem Details 400.
        await AssertProblemAsync(await Http.GetAsync("/api/context/" + new string('a', 5_000) + "%40x.example"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await Http.PutAsync("/api/contacts/" + new string('b', 5_000) + "%40x.example/muted", null), HttpStatusCode.BadRequest);

        // A 10,000-character search: too long for the request line; a 5,000-character one is searched and matches nobody.
        await AssertRefusedAsync(await Http.GetAsync("/api/contacts?search=" + new string('q', 10_000)), HttpStatusCode.RequestUriTooLong);
        var longSearch = await Http.GetAsync("/api/contacts?search=" + new string('q', 5_000));
        if (longSearch.StatusCode == HttpStatusCode.OK)
        {
            using var page = JsonDocument.Parse(await longSearch.Content.ReadAsStringAsync());
            Assert.Equal(0, page.RootElement.GetProperty("total").GetInt32());
        }
        else
        {
            await AssertProblemAsync(longSearch, HttpStatusCode.BadRequest);
        }

        // Paging values out of range or not numbers: 400 Problem Details, naming the parameter.
        foreach (var query in new[] { "offset=-1", "offset=abc", "offset=99999999999", "limit=0", "limit=-5", "limit=2147483647", "limit=201", "limit=1e3", "offset=%00" })
        {
            var answer = await Http.GetAsync("/api/contacts?" + query);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        // offset=int.MaxValue is a whole number past the end: no items, the same total.
        var far = await Http.GetAsync($"/api/contacts?offset={int.MaxValue}&limit=200");
        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
        using (var page = JsonDocument.Parse(await far.Content.ReadAsStringAsync()))
        {
            Assert.Equal(0, page.RootElement.GetProperty("items").GetArrayLength());
            Assert.True(page.RootElement.GetProperty("total").GetInt32() > 0);
        }

        // A 5 MB batch body: 413 (the service takes 64 KB). 10,000 addresses fit in neither.
        using (var huge = new HttpRequestMessage(HttpMethod.Post, "/api/context/batch"))
        {
            huge.Content = new StringContent("{\"addresses\":[\"" + new string('a', 5 * 1024 * 1024) + "@x.example\"]}", Encoding.UTF8, "application/json");
            huge.Headers.ExpectContinue = true;
            await AssertRefusedAsync(await Http.SendAsync(huge), HttpStatusCode.RequestEntityTooLarge);
        }

        var many = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = Enumerable.Range(0, 10_000).Select(i => $"p{i}@x.example").ToArray() });
        Assert.True(many.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)many.StatusCode}");
        var manySmall = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = Enumerable.Range(0, 3_000).Select(i => $"{i}@x.co").ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, manySmall.StatusCode);
        Assert.Contains("addresses", (await AssertProblemAsync(manySmall, HttpStatusCode.BadRequest)).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        // Still answering, and correctly.
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"/api/context/{ServedInstance.HostileAddress}")).StatusCode);
    }

    [Theory]
    [InlineData("a@")]
    [InlineData("@b")]
    [InlineData("a%40b%40c")]
    [InlineData("a%20b@c.d")]
    [InlineData("a%00@b.c")]
    [InlineData("a@b.c%00")]
    [InlineData("a@b.c%0d%0aX-Injected:%201")]
    [InlineData("a@b.c%0aSet-Cookie:%20x=1")]
    [InlineData("%3Cscript%3E@b.c")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task Malformed_addresses_are_rejected_with_Problem_Details_and_inject_nothing(string address)
    {
        foreach (var answer in new[]
        {
            await Http.GetAsync("/api/context/" + address),
            await Http.GetAsync($"/api/contacts/{address}/history"),
            await Http.PutAsync($"/api/contacts/{address}/muted", null),
        })
        {
            Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{address}: {(int)answer.StatusCode}");
            AssertNothingInjected(answer);
        }

        var batch = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = new[] { Uri.UnescapeDataString(address) } });
        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        AssertNothingInjected(batch);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_very_long_local_part_is_not_an_address()
    {
        await AssertProblemAsync(await Http.GetAsync("/api/context/" + new string('l', 400) + "%40x.example"), HttpStatusCode.BadRequest);
        var batch = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = new[] { new string('l', 400) + "@x.example" } });
        await AssertProblemAsync(batch, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\" OR \"\"=\"")]
    [InlineData("*")]
    [InlineData("[a-z]")]
    [InlineData(".*")]
    [InlineData("🎉")]
    [InlineData("\u202E")]
    [InlineData("\0")]
    public async Task Search_is_literal_so_wildcards_and_injection_strings_match_only_themselves(string search)
    {
        var answer = await Http.GetAsync("/api/contacts?limit=200&search=" + Uri.EscapeDataString(search));

        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)answer.StatusCode}");
        if (answer.StatusCode == HttpStatusCode.OK)
        {
            using var page = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(items.Count, page.RootElement.GetProperty("total").GetInt32());
            Assert.All(items, item => Assert.True(
                Mentions(item.GetProperty("address"), search) || Mentions(item.GetProperty("displayName"), search)
                || item.GetProperty("otherAddresses").EnumerateArray().Any(a => Mentions(a, search)),
                $"'{search}' matched {item}"));
        }

        // A search for "%" matches nothing: no stored address or name contains it.
        if (search == "%")
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var page = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(0, page.RootElement.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task A_hostile_display_name_comes_back_as_an_escaped_json_string_with_nosniff_and_a_json_content_type()
    {
        var context = await Http.GetAsync($"/api/context/{ServedInstance.HostileAddress}");
        Assert.Equal(HttpStatusCode.OK, context.StatusCode);
        var raw = await context.Content.ReadAsStringAsync();
        using (var json = JsonDocument.Parse(raw))
        {
            Assert.Equal(ServedInstance.HostileName, json.RootElement.GetProperty("displayName").GetString());
            Assert.Equal("\"><script>alert(2)</script>", json.RootElement.GetProperty("timeline")[0].GetProperty("subject").GetString());
        }

        AssertSafeJson(context, raw);

        var search = await Http.GetAsync("/api/contacts?search=onerror");
        var listing = await search.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        using (var page = JsonDocument.Parse(listing))
        {
            var item = Assert.Single(page.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(ServedInstance.HostileAddress, item.GetProperty("address").GetString());
            Assert.Equal(ServedInstance.HostileName, item.GetProperty("displayName").GetString());
        }

        AssertSafeJson(search, listing);

        var batch = await Http.PostAsJsonAsync("/api/context/batch", new { addresses = new[] { ServedInstance.HostileAddress } });
        AssertSafeJson(batch, await batch.Content.ReadAsStringAsync());

        // Errors too: a Problem Details answer is JSON with nosniff, and echoes no markup unescaped.
        var problem = await Http.GetAsync("/api/context/%3Cimg%20src=x%20onerror=alert(1)%3E");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(problem.Headers.GetValues("X-Content-Type-Options")));
        using var problemJson = JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
        Assert.Equal(400, problemJson.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>
    /// The markup is only ever the value of a JSON string: the document parses, the quote that would end the
    /// string is escaped, the type is JSON and the browser is told not to sniff it into HTML.
    /// </summary>
    private static void AssertSafeJson(HttpResponseMessage answer, string raw)
    {
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
        using var parsed = JsonDocument.Parse(raw);
        Assert.Matches("\"displayName\":\"(<|\\\\u003C)img src=x onerror=alert\\(1\\)(>|\\\\u003E)\"", raw);
        Assert.DoesNotMatch("[^\\\\]\"><script", raw);
    }

    private static bool Mentions(JsonElement value, string search) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Contains(search, StringComparison.OrdinalIgnoreCase);

    private static void AssertNothingInjected(HttpResponseMessage answer)
    {
        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.StatusCode);
        var names = answer.Headers.Select(h => h.Key).Concat(answer.Content.Headers.Select(h => h.Key));
        Assert.DoesNotContain(names, n => n.Equals("X-Injected", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(names, n => n.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase));
        Assert.All(answer.Headers.Concat(answer.Content.Headers).SelectMany(h => h.Value), v => Assert.DoesNotContain("Injected", v, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage answer, HttpStatusCode expected)
    {
        Assert.Equal(expected, answer.StatusCode);
        if (answer.Content.Headers.ContentLength is > 0)
        {
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<JsonDocument> AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode expected)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == expected, $"{(int)answer.StatusCode}: {body}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body);
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        return json;
    }
}
