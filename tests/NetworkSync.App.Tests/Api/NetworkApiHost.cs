using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Api;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.FollowUps;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// The caller-scoped API served over real HTTP (Kestrel on a loopback port) on <see cref="HandBuiltNetwork"/>,
/// with the services the host registers and exactly <see cref="NetworkApi.AddNetworkApi"/> and
/// <see cref="NetworkApi.MapNetworkApi"/> on top, plus Problem Details and the OpenAPI document as the host has them.
/// </summary>
public class NetworkApiHost : IAsyncLifetime
{
    private FollowUpMailbox mailbox = null!;
    private WebApplication app = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The mailbox's database (for checking what the API stored).</summary>
    internal FollowUpMailbox Mailbox => mailbox;

    internal RecordingJobClient Jobs { get; } = new();

    public async Task InitializeAsync()
    {
        mailbox = await StartMailboxAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddApiHostServices(mailbox.Clock, mailbox.Database, Jobs);

        app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapNetworkApi();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(url) };
        Http.DefaultRequestHeaders.Add("X-NetworkSync-Key", "test-key");
    }

    /// <summary>The synced mailbox the API answers for: <see cref="HandBuiltNetwork"/> unless a derived host says otherwise.</summary>
    internal virtual Task<FollowUpMailbox> StartMailboxAsync() => HandBuiltNetwork.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await mailbox.DisposeAsync();
    }
}
