using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Local;
using NetworkSync.App.Tests.FollowUps;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// Every route table the service maps in local mode (the order of ServicePipeline), over real HTTP on
/// <see cref="HandBuiltNetwork"/>, with the OpenAPI document; no sign-in, so the endpoints answer as
/// the local caller.
/// </summary>
public sealed class RouteTableHost : IAsyncLifetime
{
    private FollowUpMailbox mailbox = null!;
    private WebApplication app = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The endpoints as mapped, for checking their metadata.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints => [.. app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()];

    internal FollowUpMailbox Mailbox => mailbox;

    public async Task InitializeAsync()
    {
        mailbox = await HandBuiltNetwork.StartAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddApiHostServices(mailbox.Clock, mailbox.Database, new RecordingJobClient());
        builder.Services.AddPrivacyApi();
        builder.Services.AddNotifications();
        builder.Services.AddSingleton<SyncHealth>();
        builder.Services.AddSingleton(new LocalSignIn(LocalApiKey.Load(CliRunner.TempPath("route-table-keys"))));
        builder.Services.AddSingleton(new AddinBundle(CliRunner.TempPath("no-addin-dist"), new Dictionary<string, string>()));

        app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapServiceRoutes(localMode: true);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await mailbox.DisposeAsync();
    }
}
