using System.Text.Json;
using NetworkSync.App.Tests.Hosting;
using NetworkSync.GraphEmulator;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.Security;

/// <summary>One service with Entra ID sign-in, shared by the tests: it trusts the emulator's token issuer.</summary>
public sealed class EntraService : IAsyncLifetime
{
    private ServiceProcess? service;

    public Emulator Issuer { get; private set; } = null!;

    public HttpClient Http => service?.Http ?? throw new InvalidOperationException("The service has not started.");

    public string Owner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await Emulator.StartAsync(new GraphEmulatorOptions());
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        using (var users = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(fixture, "users.json"))))
        {
            Owner = users.RootElement.GetProperty("value")[0].GetProperty("id").GetString()!;
        }

        var tokens = Issuer.ApiTokens;
        var environment = new Dictionary<string, string>
        {
            ["AzureAd__Instance"] = tokens.Instance,
            ["AzureAd__TenantId"] = tokens.DefaultTenantId,
            ["AzureAd__ClientId"] = ApiTokenRequest.DefaultClientId,
            ["AzureAd__Audience"] = ApiTokenRequest.DefaultAudience,
            ["AzureAd__RequireHttpsMetadata"] = "false",
            ["AzureAd__TokenValidationParameters__ValidIssuer"] = tokens.GetIssuer(),
        };

        // No local key: callers sign in with the issuer's tokens, so Http carries none.
        service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("entra.db")], environment);
    }

    public async Task DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }

        await Issuer.DisposeAsync();
    }
}
