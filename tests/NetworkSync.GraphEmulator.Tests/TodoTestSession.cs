using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

/// <summary>Starting an emulator with two users for the To Do tests, and the URLs they use.</summary>
internal static class TodoTestSession
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    public static async Task<EmulatorSession> StartAsync(FakeTimeProvider? clock = null)
    {
        var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { TimeProvider = clock ?? new FakeTimeProvider(Start) });
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u2", "bob@contoso.test"));
        return session;
    }

    public static string Lists(string user = "u1") => $"v1.0/users/{user}/todo/lists";

    public static string List(string listId, string user = "u1") => $"{Lists(user)}/{Uri.EscapeDataString(listId)}";

    public static string Tasks(string listId, string user = "u1") => $"{List(listId, user)}/tasks";

    public static string TaskUrl(string listId, string taskId, string user = "u1") => $"{Tasks(listId, user)}/{Uri.EscapeDataString(taskId)}";

    /// <summary>The SDK's spelling of the tasks delta function.</summary>
    public static string Delta(string listId, string user = "u1") => $"{Tasks(listId, user)}/delta()";

    public static JsonObject NewTask(string title) => new() { ["title"] = title };

    public static string Id(JsonObject item) => item["id"]!.GetValue<string>();

    public static string Text(JsonNode? node) => node!.GetValue<string>();
}
