using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class AdminApiTests
{
    [Fact]
    public async Task An_emulator_can_be_driven_over_http_without_a_token()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        using var admin = new HttpClient { BaseAddress = session.Emulator.BaseAddress };

        (await admin.PostAsJsonAsync("_emulator/users", TestFixtureFolder.User("u1", "alice@contoso.test"))).EnsureSuccessStatusCode();
        var (_, deltaLink, _) = await session.SyncRoundAsync("v1.0/users/u1/mailFolders/inbox/messages/delta");
        (await admin.PostAsJsonAsync("_emulator/users/alice@contoso.test/mailFolders/inbox/messages", TestFixtureFolder.Message("m1"))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("_emulator/users/u1/mailFolders/inbox/messages", TestFixtureFolder.Message("m2"))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("_emulator/users/u1/messages/m2/move", new { destinationId = "archive" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("_emulator/users/u1/messages/m1", UriKind.Relative))).StatusCode);
        (await admin.PostAsJsonAsync("_emulator/users/u1/events", TestFixtureFolder.Event("e1", "2024-06-01T09:00:00", "2024-06-01T10:00:00"))).EnsureSuccessStatusCode();

        var counts = JsonNode.Parse(await admin.GetStringAsync(new Uri("_emulator/users/u1/counts", UriKind.Relative)))!;
        Assert.Equal(0, counts["folders"]!["inbox"]!.GetValue<int>());
        Assert.Equal(1, counts["folders"]!["archive"]!.GetValue<int>());
        Assert.Equal(1, counts["events"]!.GetValue<int>());
        var (changes, _, _) = await session.SyncRoundAsync(deltaLink);
        Assert.Empty(changes);

        (await admin.PostAsJsonAsync("_emulator/faults", new { kind = "ServiceUnavailable", endpoint = "Users" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await session.GetAsync("v1.0/users")).Response.StatusCode);

        var requests = JsonNode.Parse(await admin.GetStringAsync(new Uri("_emulator/requests", UriKind.Relative)))!.AsArray();
        Assert.Contains(requests, r => r!["endpoint"]!.GetValue<string>() == "Users" && r["status"]!.GetValue<int>() == 503);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("_emulator/requests", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("_emulator/users/nobody/events", new { id = "x" })).StatusCode);
    }
}
