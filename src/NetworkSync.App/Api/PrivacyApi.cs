using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Jobs;

namespace NetworkSync.App.Api;

/// <summary>
/// The privacy API of docs/api.md (forget a contact, delete all my data, export my data) and the daily
/// retention job. The host calls <see cref="AddPrivacyApi"/> after <c>AddNetworkApi</c> and
/// <see cref="MapPrivacyApi"/> beside <c>MapNetworkApi</c>.
/// </summary>
public static class PrivacyApi
{
    /// <summary>
    /// Registers <see cref="RetentionJob"/> and the hosted service scheduling it. Expects the application
    /// core (PrivacyService and its options, from Hosting/CoreServiceRegistration.AddNetworkSyncCore),
    /// the host's own CallerMailbox and Hangfire's IRecurringJobManager.
    /// </summary>
    public static IServiceCollection AddPrivacyApi(this IServiceCollection services)
    {
        services.TryAddTransient<RetentionJob>();
        services.AddHostedService<RetentionScheduleService>();
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        app.MapPrivacy();
        return app;
    }
}
