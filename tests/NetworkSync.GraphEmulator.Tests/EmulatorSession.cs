using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

/// <summary>A running emulator plus an HttpClient holding an app-only token for it.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(GraphEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
    }

    public GraphEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorSession> StartAsync(GraphEmulatorOptions options)
    {
        var emulator = await GraphEmulator.StartAsync(options);
        var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var token = await RequestTokenAsync(http, emulator, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "test-client",
            ["client_secret"] = "secret",
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new EmulatorSession(emulator, http);
    }

    public static async Task<string> RequestTokenAsync(HttpClient http, GraphEmulator emulator, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(emulator.TokenEndpoint, content);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>GET with optional Prefer values; returns the response and its parsed JSON body.</summary>
    public async Task<(HttpResponseMessage Response, JsonObject? Body)> GetAsync(string url, params string[] prefer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var value in prefer)
        {
            request.Headers.TryAddWithoutValidation("Prefer", value);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    /// <summary>Sends a request with an optional JSON body (a string is sent as is); returns the response and its parsed JSON body.</summary>
    public async Task<(HttpResponseMessage Response, JsonObject? Body)> SendAsync(HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            var text = body as string ?? ((JsonNode)body).ToJsonString();
            request.Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var responseText = await response.Content.ReadAsStringAsync();
        return (response, responseText.Length == 0 ? null : JsonNode.Parse(responseText) as JsonObject);
    }

    /// <summary>Follows nextLinks to the end of a round; returns all items, the deltaLink and the request count.</summary>
    public async Task<(List<JsonObject> Items, string DeltaLink, int Requests)> SyncRoundAsync(string url, params string[] prefer)
    {
        var items = new List<JsonObject>();
        var requests = 0;
        while (true)
        {
            var (response, body) = await GetAsync(url, prefer);
            requests++;
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {url}: {body}");
            items.AddRange(body!["value"]!.AsArray().Select(n => n!.AsObject()));
            if (body["@odata.deltaLink"] is { } deltaLink)
            {
                return (items, deltaLink.GetValue<string>(), requests);
            }

            url = body["@odata.nextLink"]!.GetValue<string>();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
