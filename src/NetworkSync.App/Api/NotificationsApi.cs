using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Hosting;
using NetworkSync.App.Jobs;
using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Api;

/// <summary>
/// Graph change notifications: the webhook endpoints, the receiver, the subscription maintenance and
/// the Hangfire trigger that turns notifications into syncs. Its options ("Notifications") are bound by
/// the application core (Hosting/CoreServiceRegistration.AddNetworkSyncCore).
/// </summary>
public static class NotificationsApi
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton<NotificationAddress>();
        services.TryAddSingleton<INotificationEndpoint>(sp => sp.GetRequiredService<NotificationAddress>());
        services.TryAddSingleton<HangfireSyncTrigger>();
        services.TryAddSingleton<ISyncTrigger>(sp => sp.GetRequiredService<HangfireSyncTrigger>());
        services.TryAddSingleton<NotificationReceiver>();
        services.TryAddSingleton<SubscriptionMaintainer>();
        services.Replace(ServiceDescriptor.Singleton<IMailboxSubscriptions>(sp => sp.GetRequiredService<SubscriptionMaintainer>()));
        services.TryAddTransient<SubscriptionJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapNotifications();
        return app;
    }
}
