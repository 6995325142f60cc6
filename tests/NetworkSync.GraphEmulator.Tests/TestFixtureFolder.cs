using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

/// <summary>Writes a fixture folder in the contract's layout into a temp directory, deleted on dispose.</summary>
internal sealed class TestFixtureFolder : IDisposable
{
    public TestFixtureFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "graph-emulator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TestFixtureFolder Users(params JsonObject[] users) => Write("users.json", Wrap(users));

    public TestFixtureFolder Messages(string userId, string folder, params JsonNode[] messages) =>
        Write(Path.Combine("users", userId, "mailFolders", folder, "messages.json"), Wrap(messages));

    public TestFixtureFolder Events(string userId, params JsonNode[] events) =>
        Write(Path.Combine("users", userId, "calendarView.json"), Wrap(events));

    public TestFixtureFolder Raw(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    public static JsonObject User(string id, string upn) =>
        new() { ["id"] = id, ["userPrincipalName"] = upn, ["mail"] = upn, ["displayName"] = id };

    public static JsonObject Message(string id, string subject = "hello", int minute = 0) => new()
    {
        ["id"] = id,
        ["subject"] = subject,
        ["sentDateTime"] = $"2024-05-01T10:{minute:00}:00Z",
        ["receivedDateTime"] = $"2024-05-01T10:{minute:00}:05Z",
        ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "someone@example.com" } },
        ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "alice@contoso.test" } }),
        ["isRead"] = false,
    };

    public static JsonObject Event(string id, string start, string end, string timeZone = "UTC") => new()
    {
        ["id"] = id,
        ["subject"] = id,
        ["type"] = "singleInstance",
        ["start"] = new JsonObject { ["dateTime"] = start, ["timeZone"] = timeZone },
        ["end"] = new JsonObject { ["dateTime"] = end, ["timeZone"] = timeZone },
        ["isCancelled"] = false,
        ["isOrganizer"] = true,
    };

    private static string Wrap(IEnumerable<JsonNode> items) => new JsonObject { ["value"] = new JsonArray([.. items.Select(i => i.DeepClone())]) }.ToJsonString();

    private TestFixtureFolder Write(string relativePath, string content) => Raw(relativePath, content);
}
