using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Features.Notifications;
using NetworkSync.App.Jobs;

namespace NetworkSync.App.Api;

/// <summary>
/// Graph change notifications: the webhook endpoints, the receiver, the subscription maintenance and
/// the Hangfire trigger that turns notifications into syncs. "Notifications" is read from configuration.
/// </summary>
public static class NotificationsApi
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
        services.TryAddSingleton<NotificationAddress>();
        services.TryAddSingleton<HangfireSyncTrigger>();
        services.TryAddSingleton<ISyncTrigger>(sp => sp.GetRequiredService<HangfireSyncTrigger>());
        services.TryAddSingleton<NotificationReceiver>();
        services.TryAddSingleton<MissingPermissions>();
        services.TryAddSingleton<SubscriptionMaintainer>();
        services.TryAddTransient<SubscriptionJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapNotifications();
        return app;
    }
}
