using System.Net;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// One demo-mode service in local mode, shared by the sign-in tests: <see cref="Raw"/> follows no redirect
/// and keeps no cookie, so each test says exactly which credential a request carries.
/// </summary>
public sealed class LocalSignInService : IAsyncLifetime
{
    public const string Key = "local-sign-in-test-key-0123456789";

    private ServiceProcess? service;

    public ServiceProcess Service => service ?? throw new InvalidOperationException("The service has not started.");

    public HttpClient Raw { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The URL the service printed on stdout (with this run's sign-in token).</summary>
    public Uri SignInUrl { get; private set; } = null!;

    public string Token => System.Web.HttpUtility.ParseQueryString(SignInUrl.Query)["token"]!;

    public string Origin => Service.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("sign-in.db")], key: Key);
        var printed = await service.FirstOutputLine.WaitAsync(TimeSpan.FromMinutes(1)) ?? throw new InvalidOperationException("the service printed nothing");
        SignInUrl = new Uri(printed[printed.IndexOf("http://", StringComparison.Ordinal)..].Trim());
        Raw.BaseAddress = service.BaseAddress;
    }

    /// <summary>Opens the printed URL and returns the session cookie it set ("name=value").</summary>
    public async Task<string> SignInAsync()
    {
        using var response = await Raw.GetAsync(SignInUrl);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("NetworkSync.Session=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    public async Task DisposeAsync()
    {
        Raw.Dispose();
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }
}
