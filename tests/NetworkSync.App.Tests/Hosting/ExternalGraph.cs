using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.Hosting;

/// <summary>
/// A Graph emulator the test owns, serving a generated 40-contact mailbox, for a `networksync serve`
/// process pointed at it as at a tenant (so the test can add mail and read the emulator's subscriptions).
/// </summary>
public sealed class ExternalGraph : IAsyncDisposable
{
    private ExternalGraph(Emulator emulator, string owner)
    {
        Emulator = emulator;
        Owner = owner;
    }

    public Emulator Emulator { get; }

    /// <summary>The mailbox's Graph user id.</summary>
    public string Owner { get; }

    public string OwnerMail => Emulator.Tenant.Users[0]["mail"]!.GetValue<string>();

    public static async Task<ExternalGraph> StartAsync(Func<GraphEmulatorOptions, GraphEmulatorOptions>? configure = null)
    {
        var fixture = CliRunner.TempPath("fixture");
        var generated = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40");
        Assert.True(generated.ExitCode == 0, generated.StdErr);
        using var users = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(fixture, "users.json")));
        var owner = users.RootElement.GetProperty("value")[0].GetProperty("id").GetString()!;
        var options = new GraphEmulatorOptions { FixturePath = fixture };
        return new ExternalGraph(await Emulator.StartAsync(configure is null ? options : configure(options)), owner);
    }

    /// <summary>The environment that points the service at this emulator as at a tenant (not demo mode).</summary>
    public Dictionary<string, string> ServiceEnvironment(string dataFolder) => new()
    {
        ["DataFolder"] = dataFolder,
        ["Graph__TenantId"] = "contoso-test",
        ["Graph__AuthMode"] = "Emulator",
        ["Graph__BaseUrl"] = Emulator.GraphBaseUrl.ToString(),
        ["Graph__EmulatorTokenEndpoint"] = Emulator.TokenEndpoint.ToString(),
    };

    /// <summary>Adds a message from <paramref name="from"/> to the owner's inbox, received now.</summary>
    public void Receive(string id, string fromName, string from, string subject)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Emulator.Tenant.UpsertMessage(Owner, "inbox", new JsonObject
        {
            ["id"] = id,
            ["sentDateTime"] = now,
            ["receivedDateTime"] = now,
            ["subject"] = subject,
            ["conversationId"] = "conv-" + id,
            ["internetMessageId"] = $"<{id}@fabrikam.example>",
            ["isDraft"] = false,
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = fromName, ["address"] = from } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Owner", ["address"] = OwnerMail } }),
        });
    }

    /// <summary>Whether the service's API knows the person behind <paramref name="address"/>.</summary>
    public static async Task<bool> KnownAsync(ServiceProcess service, string address)
    {
        ArgumentNullException.ThrowIfNull(service);
        using var response = await service.Http.GetAsync("/api/context/" + Uri.EscapeDataString(address));
        return response.StatusCode == HttpStatusCode.OK
            && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["known"]?.GetValue<bool>() == true;
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
