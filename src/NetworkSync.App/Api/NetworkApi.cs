using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetworkSync.App.Api;

/// <summary>
/// The caller-scoped API of docs/api.md (me, context, contacts, settings, network knowledge, network overview, merge suggestions; follow-ups are mapped by
/// <see cref="FollowUpEndpoints"/>). The host calls <see cref="AddNetworkApi"/> with its services and
/// <see cref="MapNetworkApi"/> with its endpoints.
/// </summary>
public static class NetworkApi
{
    /// <summary>
    /// Registers the API's HTTP services and its source-generated JSON. Expects the application core
    /// (Hosting/CoreServiceRegistration.AddNetworkSyncCore) and the host's own CallerMailbox and Hangfire's IBackgroundJobClient.
    /// </summary>
    public static IServiceCollection AddNetworkApi(this IServiceCollection services)
    {
        // CallerMailbox needs to know the sign-in mode and the request's user; the host's own
        // registrations (made after this) win over these defaults.
        services.TryAddSingleton(new Hosting.Entra.EntraOptions());
        services.AddHttpContextAccessor();
        services.AddSingleton<PersonContextJson>();

        // /healthz/ready's probe (ProbeEndpoints); the host marks start-up done after its migrations.
        services.TryAddSingleton<Hosting.Readiness>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, NetworkApiJsonContext.Default);

            // Defence in depth: markup characters in names and subjects leave as \u003C escapes, never raw.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        app.MapMe();
        app.MapContext();
        app.MapCallerContacts();
        app.MapSettings();
        app.MapNetworkKnowledge();
        app.MapNetworkOverview();
        app.MapMergeSuggestions();
        return app;
    }
}
