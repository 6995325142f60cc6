using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.App.Tests.Api;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Application.Contacts.Organisation;

namespace NetworkSync.App.Tests.Organisation;

/// <summary>
/// The caller-scoped API over <see cref="OrganisationNetwork"/>, in Entra mode (the caller is the oid a test
/// sends in <see cref="OidHeader"/>, standing in for a validated token) or in local mode (the caller is
/// "Local:Mailbox", Dana), with the administrator's switch as the derived host sets it.
/// </summary>
public abstract class OrganisationApiHost : IAsyncLifetime
{
    public const string OidHeader = "X-Test-Oid";

    private FollowUpMailbox mailbox = null!;
    private WebApplication app = null!;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => app.Services;

    protected abstract bool Entra { get; }

    protected virtual bool Enabled => true;

    public async Task InitializeAsync()
    {
        mailbox = await OrganisationNetwork.StartAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Local:Mailbox"] = FollowUpMailbox.Dana;
        if (Entra)
        {
            builder.Services.AddSingleton(new EntraOptions { ClientId = "organisation-tests" });
        }

        // Registered first, so it wins over the core's (the core adds it only when missing).
        builder.Services.AddSingleton(new OrganisationIntroductionOptions { Enabled = Enabled });
        builder.Services.AddApiHostServices(mailbox.Clock, mailbox.Database, new RecordingJobClient());

        app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (Entra)
        {
            app.Use((context, next) =>
            {
                if (context.Request.Headers[OidHeader] is [{ } oid])
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", oid)], "test"));
                }

                return next(context);
            });
        }

        app.MapNetworkApi();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    /// <summary>A request made as the user with Graph id <paramref name="oid"/> (Entra mode).</summary>
    public async Task<HttpResponseMessage> SendAsync(string? oid, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (oid is not null)
        {
            request.Headers.Add(OidHeader, oid);
        }

        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await mailbox.DisposeAsync();
    }
}

/// <summary>Entra ID sign-in, the feature on.</summary>
public sealed class EntraOrganisationHost : OrganisationApiHost
{
    protected override bool Entra => true;
}

/// <summary>Entra ID sign-in, the administrator's switch off.</summary>
public sealed class SwitchedOffOrganisationHost : OrganisationApiHost
{
    protected override bool Entra => true;

    protected override bool Enabled => false;
}

/// <summary>Local mode: Dana runs it.</summary>
public sealed class LocalOrganisationHost : OrganisationApiHost
{
    protected override bool Entra => false;
}
