using System.Net;
using System.Text.Json;
using static NetworkSync.App.Tests.Api.NamesakeApiHost;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// The caller-scoped merge suggestions and network knowledge over HTTP: suggestions listed with why,
/// confirmed and kept apart through /api/contacts/{address}/same|apart/{other} (both surviving a full
/// re-sync, either undone in either order), Problem Details for bad input, and the model's figures with
/// the reason when history is too thin.
/// </summary>
public sealed class MergeSuggestionApiTests(NamesakeApiHost host) : IClassFixture<NamesakeApiHost>
{
    private HttpClient Http => host.Http;

    [Fact]
    public async Task A_suggestion_is_listed_with_why_confirmed_kept_apart_and_withdrawn_and_answers_survive_a_resync()
    {
        using (var suggestions = await JsonAsync("/api/merge-suggestions"))
        {
            var only = Assert.Single(suggestions.RootElement.EnumerateArray());
            Assert.Equal(
                ["address", "otherAddress", "displayName", "reason", "lastContact", "otherLastContact"],
                only.EnumerateObject().Select(p => p.Name));
            Assert.Equal((SamAlpha, SamBeta, "Sam Lee"), (only.GetProperty("address").GetString(), only.GetProperty("otherAddress").GetString(), only.GetProperty("displayName").GetString()));
            Assert.Contains("Sam Lee", only.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("2026-05-03T10:00:00Z", only.GetProperty("lastContact").GetString());
            Assert.Equal("2026-06-02T10:00:00Z", only.GetProperty("otherLastContact").GetString());
        }

        Assert.Equal(2, await CountSamsAsync());

        // Confirmed: one person, saying why, and no longer suggested; a full re-sync keeps it so.
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/contacts/{SamAlpha}/same/{SamBeta}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/contacts/{SamAlpha}/same/{SamBeta}", null)).StatusCode);
        await ResyncFromScratchAsync();
        using (var merged = await JsonAsync("/api/contacts?search=Sam%20Lee"))
        {
            var sam = Assert.Single(merged.RootElement.GetProperty("items").EnumerateArray());
            Assert.Single(sam.GetProperty("otherAddresses").EnumerateArray());
            Assert.EndsWith("you said these are one person", Assert.Single(sam.GetProperty("mergeReasons").EnumerateArray()).GetString(), StringComparison.Ordinal);
        }

        await AssertNoSuggestionAsync();

        // Kept apart (asked the other way round): replaces the confirmation, two people, still not suggested.
        Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/contacts/{SamBeta}/apart/{SamAlpha}", null)).StatusCode);
        await ResyncFromScratchAsync();
        Assert.Equal(2, await CountSamsAsync());
        await AssertNoSuggestionAsync();

        // Withdrawn, named in the other order than it was given: the evidence decides again, so suggested again.
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{SamAlpha}/apart/{SamBeta}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/contacts/{SamAlpha}/apart/{SamBeta}")).StatusCode);
        using var back = await JsonAsync("/api/merge-suggestions");
        Assert.Equal(SamAlpha, Assert.Single(back.RootElement.EnumerateArray()).GetProperty("address").GetString());
    }

    [Fact]
    public async Task Namesakes_on_one_message_are_never_suggested()
    {
        using var suggestions = await JsonAsync("/api/merge-suggestions");
        Assert.DoesNotContain(suggestions.RootElement.EnumerateArray(), s => s.GetProperty("displayName").GetString() == "Kim Park");
    }

    [Theory]
    [InlineData("PUT", "not-an-address/same/" + SamBeta)]
    [InlineData("PUT", SamAlpha + "/apart/nobody")]
    [InlineData("PUT", SamAlpha + "/same/SAM.LEE%40alpha.example")]
    [InlineData("PUT", SamAlpha + "/same/dana%40contoso.example")]
    [InlineData("DELETE", SamAlpha + "/same/x%40")]
    public async Task A_pair_that_is_not_two_other_addresses_is_a_400_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/contacts/" + path);
        var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Network_knowledge_says_the_built_in_weights_are_in_use_and_why_there_are_no_figures()
    {
        using var knowledge = await JsonAsync("/api/network-knowledge");
        var root = knowledge.RootElement;
        Assert.Equal(["model", "modelReason", "measuredAt", "backtest"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("BuiltIn", root.GetProperty("model").GetString());
        Assert.StartsWith("built-in weights", root.GetProperty("modelReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-06-10T12:00:00Z", root.GetProperty("measuredAt").GetString());

        var backtest = root.GetProperty("backtest");
        Assert.Equal(FollowUps.FollowUpMailbox.Dana, backtest.GetProperty("mailbox").GetString());
        Assert.Equal(JsonValueKind.Null, backtest.GetProperty("auc").ValueKind);
        Assert.Equal(JsonValueKind.Null, backtest.GetProperty("averagePrecision").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(backtest.GetProperty("reason").GetString()));
        Assert.Equal(["recency", "frequency365", "decayedCount"], backtest.GetProperty("baselines").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_new_routes_are_in_the_openapi_document_with_a_name_and_a_summary()
    {
        using var document = await JsonAsync("/openapi/v1.json");
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value))
            .Where(op => op.TryGetProperty("operationId", out _))
            .ToDictionary(op => op.GetProperty("operationId").GetString()!, op => op.TryGetProperty("summary", out var s) ? s.GetString() : null);
        foreach (var name in new[] { "GetCallerNetworkKnowledge", "ListCallerMergeSuggestions", "ConfirmCallerSamePerson", "WithdrawCallerSamePerson", "KeepCallerContactsApart", "WithdrawCallerKeepApart" })
        {
            Assert.True(operations.TryGetValue(name, out var summary), $"{name} is not in the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(summary), $"{name} has no summary");
        }
    }

    private async Task<int> CountSamsAsync()
    {
        using var page = await JsonAsync("/api/contacts?search=Sam%20Lee");
        return page.RootElement.GetProperty("total").GetInt32();
    }

    private async Task AssertNoSuggestionAsync()
    {
        using var suggestions = await JsonAsync("/api/merge-suggestions");
        Assert.DoesNotContain(suggestions.RootElement.EnumerateArray(), s => s.GetProperty("displayName").GetString() == "Sam Lee");
    }

    /// <summary>Forgets the delta links and syncs again, so everything comes from Graph anew while the overrides stay.</summary>
    private async Task ResyncFromScratchAsync()
    {
        await using (var connection = await host.Mailbox.Database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM SyncStates;";
            await command.ExecuteNonQueryAsync();
        }

        await host.Mailbox.SyncMetadataAsync();
    }

    private async Task<JsonDocument> JsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }
}
