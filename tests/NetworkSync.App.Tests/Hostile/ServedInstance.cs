using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

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

    private Process? process;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var fixture = CliRunner.TempPath("fixture");
        var generated = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40");
        Assert.True(generated.ExitCode == 0, generated.StdErr);
        PlantHostileContact(fixture);

        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NETWORKSYNC_LOCAL_KEY"] = Key;
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "networksync.dll"), "serve", "--fixture", fixture, "--db", CliRunner.TempPath("serve.db"), "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("X-NetworkSync-Key", Key);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The service did not turn healthy within two minutes.");
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        process?.Kill(entireProcessTree: true);
        process?.Dispose();
        return Task.CompletedTask;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
