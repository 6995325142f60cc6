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

    [Fact]
    public async Task To_Do_and_mailbox_settings_can_be_driven_over_http()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        using var admin = new HttpClient { BaseAddress = session.Emulator.BaseAddress };
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        var lists = JsonNode.Parse(await admin.GetStringAsync(new Uri("_emulator/users/u1/todo/lists", UriKind.Relative)))!.AsArray();
        var listId = lists.Single()!["id"]!.GetValue<string>();
        var tasksUrl = $"_emulator/users/alice@contoso.test/todo/lists/{Uri.EscapeDataString(listId)}/tasks";
        var (_, deltaLink, _) = await session.SyncRoundAsync($"v1.0/users/u1/todo/lists/{Uri.EscapeDataString(listId)}/tasks/delta");

        using var created = await admin.PostAsJsonAsync(tasksUrl, new { title = "Call Sam", linkedResources = new[] { new { externalId = "sam" } } });
        var taskId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var second = await admin.PostAsJsonAsync(tasksUrl, new { title = "Drop me" });
        var secondId = JsonNode.Parse(await second.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var patched = await admin.PatchAsJsonAsync($"{tasksUrl}/{Uri.EscapeDataString(taskId)}", new { importance = "high" });
        using var completed = await admin.PostAsync(new Uri($"{tasksUrl}/{Uri.EscapeDataString(taskId)}/complete", UriKind.Relative), content: null);
        using var deleted = await admin.DeleteAsync(new Uri($"{tasksUrl}/{Uri.EscapeDataString(secondId)}", UriKind.Relative));
        using var missing = await admin.PostAsync(new Uri($"{tasksUrl}/nope/complete", UriKind.Relative), content: null);
        using var settings = await admin.PutAsJsonAsync("_emulator/users/u1/mailboxSettings", new { timeZone = "W. Europe Standard Time" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, settings.StatusCode);
        var task = JsonNode.Parse(await admin.GetStringAsync(new Uri(tasksUrl, UriKind.Relative)))!.AsArray().Single()!;
        Assert.Equal(("completed", "high"), (task["status"]!.GetValue<string>(), task["importance"]!.GetValue<string>()));
        Assert.Equal("sam", task["linkedResources"]![0]!["externalId"]!.GetValue<string>());
        var counts = JsonNode.Parse(await admin.GetStringAsync(new Uri("_emulator/users/u1/counts", UriKind.Relative)))!;
        Assert.Equal(1, counts["todoTasks"]!.GetValue<int>());
        var (changes, _, _) = await session.SyncRoundAsync(deltaLink);
        Assert.Equal(taskId, Assert.Single(changes)["id"]!.GetValue<string>());
        var (_, served) = await session.GetAsync("v1.0/users/u1/mailboxSettings");
        Assert.Equal("W. Europe Standard Time", served!["timeZone"]!.GetValue<string>());
    }
}
