using System.Net;
using NetworkSync.App.Tests.Hosting;

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
    private ExternalGraph graph = null!;

    public async Task InitializeAsync() => graph = await ExternalGraph.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task The_log_holds_no_secret_token_key_clientState_subject_or_address()
    {
        await using var service = await ServiceProcess.StartAsync(
            ["--db", CliRunner.TempPath("hygiene.db")],
            Environment(),
            Key);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(graph.Emulator.Subscriptions.Count == 2)), service.StandardError);

        graph.Receive("AAMkLogHygiene1", "Confidential Sender", Sender, Subject);
        Assert.True(await Eventually.HoldsAsync(() => ExternalGraph.KnownAsync(service, Sender)), service.StandardError);
        using (var contacts = await service.Http.GetAsync("/api/contacts?search=confidential"))
        {
            Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        }

        // The secret was in use: Graph (the emulator) saw the app sign in with it.
        Assert.All(graph.Emulator.Subscriptions.Snapshot(), s => Assert.Equal("networksync-log-test", s.ApplicationId));
        var log = service.StandardError;
        Assert.Contains("Change-notification subscriptions: 2 created", log, StringComparison.Ordinal); // the log was written at all
        Assert.DoesNotContain(clientSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, log, StringComparison.Ordinal);
        Assert.DoesNotMatch("Bearer [A-Za-z0-9_.-]{16,}", log);
        Assert.All(graph.Emulator.Subscriptions.Snapshot(), s => Assert.DoesNotContain(s.ClientState!, log, StringComparison.Ordinal));
        Assert.DoesNotContain("Bluebird", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Sender, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("confidential", log, StringComparison.OrdinalIgnoreCase);
    }

    private Dictionary<string, string> Environment()
    {
        var environment = graph.ServiceEnvironment(CliRunner.TempPath("data"));
        environment["Graph__ClientId"] = "networksync-log-test";
        environment["Graph__ClientSecret"] = clientSecret;
        environment["Logging__LogLevel__NetworkSync"] = "Trace";
        return environment;
    }
}
