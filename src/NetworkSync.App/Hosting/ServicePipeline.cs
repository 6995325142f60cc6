using Hangfire;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.App.Hosting.Limits;
using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Hosting;

/// <summary>The middleware and endpoints of `networksync serve`, in the order they must run.</summary>
public static class ServicePipeline
{
    public static void UseNetworkSyncPipeline(this WebApplication app, EntraOptions entra, bool demo, LocalSignIn? localSignIn)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(entra);
        app.UseHeadersAndErrorPages(SecurityHeaders.ContentSecurityPolicy(entra.IsEnabled ? [new Uri(entra.Instance).GetLeftPart(UriPartial.Authority)] : []));
        if (localSignIn is not null)
        {
            app.UseLocalSignIn(localSignIn);
        }

        var bundle = app.Services.GetRequiredService<AddinBundle>();
        if (Directory.Exists(bundle.DistFolder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(bundle.DistFolder),
                RequestPath = "/addin",
                ContentTypeProvider = AssetContentTypes(),
            });
        }

        if (entra.IsEnabled)
        {
            app.UseCors();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();
        app.MapServiceRoutes(localMode: !entra.IsEnabled);
        if (demo)
        {
            // Loopback-only demo: the job dashboard helps to watch syncs; outside demo mode it is off. In local
            // mode it needs the signed-in session like the rest; its forms need Hangfire's antiforgery token.
            app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new LoopbackOnlyDashboardAuthorization(requireSignIn: localSignIn is not null)],
                IgnoreAntiforgeryToken = false,
            }).AllowAnonymous();
        }
    }

    /// <summary>
    /// The security headers, then the exception handler and status-code pages: the headers go first so
    /// that they reach even the 500 the exception handler writes after clearing the response.
    /// </summary>
    public static void UseHeadersAndErrorPages(this IApplicationBuilder app, string contentSecurityPolicy)
    {
        app.UseSecurityHeaders(contentSecurityPolicy);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestHeadLimits();
    }

    /// <summary>Static asset types; pages and manifests are not among them, so they always go through AddinEndpoints.</summary>
    private static FileExtensionContentTypeProvider AssetContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Remove(".html");
        types.Mappings.Remove(".htm");
        types.Mappings.Remove(".xml");
        types.Mappings.Remove(".json");
        types.Mappings[".js"] = "text/javascript";
        return types;
    }

    /// <summary>
    /// Every route table the service serves, in order (the test hosts map the same list, so a new table cannot be
    /// left out of the OpenAPI checks).
    /// </summary>
    public static void MapServiceRoutes(this IEndpointRouteBuilder app, bool localMode)
    {
        app.MapHealth();
        app.MapProbes();
        if (localMode)
        {
            // Addressed by mailbox: a single-user convenience of local mode, never offered to signed-in users.
            app.MapMailboxes();
            app.MapContactOverrides();
            app.MapLocalPairing();
        }

        app.MapFollowUps();
        app.MapNetworkApi();
        app.MapPrivacyApi();
        app.MapNotificationsApi();
        app.MapAddin();
    }
}
