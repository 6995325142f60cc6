using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.GraphEmulator;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// What the service writes to its log while it signs in to Graph with a client secret, syncs, subscribes,
/// takes a change notification and answers API calls: with NetworkSync's own categories at Trace, none
/// of the secrets it handles (client secret, access tokens, the local key, the subscriptions' clientState)
/// and none of the mail (its subject, its sender's address) may appear.
/// </summary>
public sealed class LogHygieneTests : IAsyncLifetime
{
    private const string Key = "log-hygiene-test-key-0123456789";
    private const string Subject = "Bluebird acquisition term sheet";
    private const string Sender = "confidential.sender@fabrikam.example";
    private readonly string clientSecret = "s3cr3t-" + Guid.NewGuid().ToString("N");
    private Emulator emulator = null!;
    private string owner = null!;

    public async Task InitializeAsync()
    {
        var fixture = CliRunner.TempPath("fixture");
        var generated = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40");
        Assert.True(generated.ExitCode == 0, generated.StdErr);
        using (var users = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(fixture, "users.json"))))
        {
            owner = users.RootElement.GetProperty("value")[0].GetProperty("id").GetString()!;
        }

        emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = fixture });
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task The_log_holds_no_secret_token_key_clientState_subject_or_address()
    {
        await using var service = await ServiceProcess.StartAsync(
            ["--db", CliRunner.TempPath("hygiene.db")],
            new Dictionary<string, string>
            {
                ["DataFolder"] = CliRunner.TempPath("data"),
                ["Graph__TenantId"] = "contoso-test",
                ["Graph__AuthMode"] = "Emulator",
                ["Graph__ClientId"] = "networksync-log-test",
                ["Graph__ClientSecret"] = clientSecret,
                ["Graph__BaseUrl"] = emulator.GraphBaseUrl.ToString(),
                ["Graph__EmulatorTokenEndpoint"] = emulator.TokenEndpoint.ToString(),
                ["Logging__LogLevel__NetworkSync"] = "Trace",
            },
            Key);
        Assert.True(await EventuallyAsync(() => Task.FromResult(emulator.Subscriptions.Count == 2)), service.StandardError);

        emulator.Tenant.UpsertMessage(owner, "inbox", Message());
        Assert.True(await EventuallyAsync(async () => await KnownAsync(service)), service.StandardError);
        using (var contacts = await service.Http.GetAsync("/api/contacts?search=confidential"))
        {
            Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        }

        // The secret was in use: Graph (the emulator) saw the app sign in with it.
        Assert.All(emulator.Subscriptions.Snapshot(), s => Assert.Equal("networksync-log-test", s.ApplicationId));
        var log = service.StandardError;
        Assert.Contains("Change-notification subscriptions: 2 created", log, StringComparison.Ordinal); // the log was written at all
        Assert.DoesNotContain(clientSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, log, StringComparison.Ordinal);
        Assert.DoesNotMatch("Bearer [A-Za-z0-9_.-]{16,}", log);
        Assert.All(emulator.Subscriptions.Snapshot(), s => Assert.DoesNotContain(s.ClientState!, log, StringComparison.Ordinal));
        Assert.DoesNotContain("Bluebird", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Sender, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("confidential", log, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> KnownAsync(ServiceProcess service)
    {
        using var response = await service.Http.GetAsync("/api/context/" + Uri.EscapeDataString(Sender));
        return response.StatusCode == HttpStatusCode.OK
            && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["known"]?.GetValue<bool>() == true;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !await condition())
        {
            await Task.Delay(100);
        }

        return await condition();
    }

    private JsonObject Message()
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = "AAMkLogHygiene1",
            ["sentDateTime"] = now,
            ["receivedDateTime"] = now,
            ["subject"] = Subject,
            ["conversationId"] = "conv-log-hygiene",
            ["internetMessageId"] = "<log-hygiene@fabrikam.example>",
            ["isDraft"] = false,
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Confidential Sender", ["address"] = Sender } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Owner", ["address"] = emulator.Tenant.Users[0]["mail"]!.GetValue<string>() } }),
        };
    }
}
