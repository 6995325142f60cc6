using System.Globalization;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Hostile;

/// <summary>
/// The real service (`networksync serve`, local mode) on a generated demo mailbox into which a hostile
/// contact has been planted: display name <see cref="HostileName"/>, a two-way thread from yesterday.
/// Served as a process so the whole pipeline is under test: limits, exception handler, security headers.
/// </summary>
public sealed class ServedInstance : IAsyncLifetime
{
    public const string Key = "hostile-test-key-0123456789";
    public const string HostileName = "<img src=x onerror=alert(1)>";
    public const string HostileAddress = "xss.contact@hostile.example";

    private ServiceProcess? service;

    public HttpClient Http => service?.Http ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync()
    {
        var fixture = CliRunner.TempPath("fixture");
        var generated = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40");
        Assert.True(generated.ExitCode == 0, generated.StdErr);
        PlantHostileContact(fixture);

        service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("serve.db")], key: Key);
    }

    public async Task DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }

    private static void PlantHostileContact(string fixture)
    {
        var user = Directory.GetDirectories(Path.Combine(fixture, "users")).Single();
        var dana = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture, "users.json")))!["value"]![0]!["mail"]!.GetValue<string>();
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        Append(Path.Combine(user, "mailFolders", "inbox", "messages.json"), Message("AAMkHostileIn", yesterday, (HostileName, HostileAddress), ("Dana Whitfield", dana)));
        Append(Path.Combine(user, "mailFolders", "sentitems", "messages.json"), Message("AAMkHostileOut", yesterday.AddHours(1), ("Dana Whitfield", dana), (HostileName, HostileAddress)));
    }

    private static void Append(string file, JsonObject message)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        root["value"]!.AsArray().Add(message);
        File.WriteAllText(file, root.ToJsonString());
    }

    private static JsonObject Message(string id, DateTimeOffset at, (string Name, string Address) from, (string Name, string Address) to)
    {
        var when = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["sentDateTime"] = when,
            ["receivedDateTime"] = when,
            ["subject"] = "\"><script>alert(2)</script>",
            ["conversationId"] = "conv-hostile",
            ["internetMessageId"] = $"<{id}@hostile.example>",
            ["isDraft"] = false,
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = from.Name, ["address"] = from.Address } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = to.Name, ["address"] = to.Address } }),
        };
    }
}
