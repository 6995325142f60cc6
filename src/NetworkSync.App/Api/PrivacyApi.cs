using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Features.Privacy;
using NetworkSync.App.Features.Sync;
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
    /// Registers the privacy services, <see cref="RetentionJob"/> and the hosted service scheduling it.
    /// Expects the host's own: SqliteDatabase, ContactScoreCache, FollowUpServiceOptions, RunMode,
    /// CallerMailbox, TimeProvider, AddNetworkApi's caches, and Hangfire's IRecurringJobManager (without it,
    /// nothing is scheduled and no recurring job is removed). "Privacy" is read from configuration; To Do
    /// goes through SyncCoordinator's Graph connection.
    /// </summary>
    public static IServiceCollection AddPrivacyApi(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(PrivacyOptions.SectionName).Get<PrivacyOptions>() ?? new PrivacyOptions());
        services.TryAddSingleton(sp => new PrivacyGraph(() => sp.GetService<SyncCoordinator>()?.Connection));
        services.TryAddSingleton<PrivacyService>();
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
