using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NetworkSync.GraphEmulator;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Tests.Security;

/// <summary>One service with Entra ID sign-in, shared by the tests: it trusts the emulator's token issuer.</summary>
public sealed class EntraService : IAsyncLifetime, IDisposable
{
    private Process service = null!;

    public Emulator Issuer { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

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

        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "networksync.dll"), "serve", "--fixture", fixture, "--db", CliRunner.TempPath("entra.db"), "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        var tokens = Issuer.ApiTokens;
        start.Environment["AzureAd__Instance"] = tokens.Instance;
        start.Environment["AzureAd__TenantId"] = tokens.DefaultTenantId;
        start.Environment["AzureAd__ClientId"] = ApiTokenRequest.DefaultClientId;
        start.Environment["AzureAd__Audience"] = ApiTokenRequest.DefaultAudience;
        start.Environment["AzureAd__RequireHttpsMetadata"] = "false";
        start.Environment["AzureAd__TokenValidationParameters__ValidIssuer"] = tokens.GetIssuer();
        service = Process.Start(start)!;
        _ = service.StandardError.ReadToEndAsync();
        await service.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await Http.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        service.Kill(entireProcessTree: true);
        await Issuer.DisposeAsync();
    }

    public void Dispose()
    {
        service.Dispose();
        Http.Dispose();
    }


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
