using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Features.Context;

namespace NetworkSync.App.Api;

/// <summary>
/// The caller-scoped API of docs/api.md (me, context, contacts, settings, network knowledge, merge suggestions; follow-ups are mapped by
/// <see cref="FollowUpEndpoints"/>). The host calls <see cref="AddNetworkApi"/> with its services and
/// <see cref="MapNetworkApi"/> with its endpoints.
/// </summary>
public static class NetworkApi
{
    /// <summary>
    /// Registers the API's services (singletons) and its source-generated JSON. Expects the host's own:
    /// SqliteDatabase, ContactListingService, ContactScoreCache, ContactOverrideStore, FollowUpQuery,
    /// FollowUpServiceOptions, RunMode, CallerMailbox, NetworkKnowledgeService, TimeProvider, and Hangfire's IBackgroundJobClient.
    /// </summary>
    public static IServiceCollection AddNetworkApi(this IServiceCollection services)
    {
        // CallerMailbox needs to know the sign-in mode and the request's user; the host's own
        // registrations (made after this) win over these defaults.
        services.TryAddSingleton(new Hosting.Entra.EntraOptions());
        services.AddHttpContextAccessor();
        services.AddSingleton<PersonIndexCache>();
        services.AddSingleton<ActiveFollowUpCache>();
        services.AddSingleton<PersonContextService>();
        services.AddSingleton<ContactListQuery>();
        services.AddSingleton<ContactHistoryService>();
        services.AddSingleton<UserSettingsService>();
        services.AddSingleton<PersonContextJson>();

        // --- Route-table services (issue 11, part 5): what the endpoints delegate to. ---
        services.TryAddSingleton<Features.Contacts.ContactCorrections>();
        services.TryAddSingleton<Features.FollowUps.IFollowUpPassScheduler, Jobs.HangfireFollowUpPassScheduler>();
        services.TryAddSingleton<Features.FollowUps.FollowUpCommands>();
        // --- End of route-table services. ---

        // /api/me names the Graph permissions the caller's mailbox was refused (filled by subscription maintenance).
        services.TryAddSingleton<Features.Notifications.MissingPermissions>();
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
        app.MapMergeSuggestions();
        return app;
    }
}
