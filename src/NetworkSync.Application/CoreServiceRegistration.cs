using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetworkSync.Application;
using NetworkSync.Application.Common;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.Context;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.FollowUps.Todo;
using NetworkSync.Application.Network;
using NetworkSync.Application.Notifications;
using NetworkSync.Application.Privacy;
using NetworkSync.Application.Settings;
using NetworkSync.Application.Sync;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Http;

namespace NetworkSync.Application;

/// <summary>
/// The one composition root of the application: every option, store, cache and application service,
/// used by `serve` (<see cref="ServiceRegistration"/>), by every CLI verb (through a service provider) and
/// by the tests. Free of ASP.NET Core and Hangfire: what a host adds (HTTP, jobs, change notifications)
/// it registers itself, replacing the null objects registered here (<see cref="NoJobScheduler"/>,
/// <see cref="NoMailboxSubscriptions"/>, <see cref="TokenCacheProtection.None"/>). A host's own
/// <see cref="TimeProvider"/> and <see cref="RunMode"/>, registered before this, win.
/// </summary>
public static class CoreServiceRegistration
{
    public static IServiceCollection AddNetworkSyncCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new RunMode(Demo: false));
        services.AddLogging();

        // NetworkSync's meter and span source (System.Diagnostics only); the host chooses any exporter.
        services.AddMetrics();
        services.TryAddSingleton<NetworkSync.Sync.Telemetry.NetworkSyncTelemetry>();

        services.AddValidatedOptions<GraphOptions>(configuration, GraphOptions.SectionName);
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.SectionName);
        services.AddValidatedOptions<RelationshipOptions>(configuration, RelationshipsSection.Name);
        services.AddValidatedOptions<FollowUpServiceOptions>(configuration, FollowUpServiceOptions.SectionName);
        services.AddValidatedOptions<PrivacyOptions>(configuration, PrivacyOptions.SectionName);
        services.AddValidatedOptions<NotificationOptions>(configuration, NotificationOptions.SectionName);
        services.AddValidatedOptions<CoordinationOptions>(configuration, CoordinationOptions.SectionName);
        services.AddValidatedOptions<OrganisationIntroductionOptions>(configuration, OrganisationIntroductionOptions.SectionName);

        // These are taken as plain values by the services (they never change while the process runs).
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RelationshipOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FollowUpServiceOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PrivacyOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CoordinationOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<OrganisationIntroductionOptions>>().Value);

        // Storage: one database, one instance of each store over it.
        services.TryAddSingleton(sp => NetworkSyncDatabase.For(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<MailboxStore>();
        services.TryAddSingleton<MailboxSettingsStore>();
        services.TryAddSingleton<ContactOverrideStore>();
        services.TryAddSingleton<FollowUpStore>();
        services.TryAddSingleton<WarmthModelStore>();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<PrivacyStore>();
        services.TryAddSingleton<OptOutStore>();
        services.TryAddSingleton<MetadataReader>();
        services.TryAddSingleton<MetadataWriter>();

        // Coordination of the instances sharing the database (docs/architecture.md, "Several instances").
        // Its rows hold wall-clock times that other processes compare (lease, slot and window expiries), so it
        // runs on the real clock even under --as-of: a frozen "now" would never see a lease or a slot expire.
        var wallClock = TimeProvider.System;
        services.TryAddSingleton(_ => InstanceIdentity.ForThisProcess());
        services.TryAddSingleton(sp => SharedDataVersions.Over(sp.GetRequiredService<NetworkSyncDatabase>(), sp.GetRequiredService<CoordinationOptions>(), wallClock));
        services.TryAddSingleton(sp => new MailboxLeases(sp.GetRequiredService<NetworkSyncDatabase>(), sp.GetRequiredService<InstanceIdentity>(), sp.GetRequiredService<CoordinationOptions>(), wallClock));
        services.TryAddSingleton(sp => new PendingSyncs(sp.GetRequiredService<NetworkSyncDatabase>(), sp.GetRequiredService<CoordinationOptions>(), wallClock));
        services.TryAddSingleton(sp => new GraphBudgetStore(sp.GetRequiredService<NetworkSyncDatabase>(), sp.GetRequiredService<InstanceIdentity>(), wallClock));
        services.TryAddSingleton<IMailboxGraphBudget>(sp => new SharedGraphBudget(
            sp.GetRequiredService<GraphBudgetStore>(),
            sp.GetRequiredService<CoordinationOptions>(),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            wallClock,
            sp.GetRequiredService<ILogger<SharedGraphBudget>>()));

        // Contacts and person context.
        services.TryAddSingleton<MailboxWarmthModels>();
        services.TryAddSingleton<ContactListingService>();
        services.TryAddSingleton<ContactScoreCache>();
        services.TryAddSingleton<NetworkKnowledgeService>();
        services.TryAddSingleton<PersonIndexCache>();
        services.TryAddSingleton<ActiveFollowUpCache>();
        services.TryAddSingleton<PersonContextService>();
        services.TryAddSingleton<ContactListQuery>();
        services.TryAddSingleton<ContactHistoryService>();
        services.TryAddSingleton<NetworkOverviewService>();
        services.TryAddSingleton<UserSettingsService>();
        services.TryAddSingleton<ContactCorrections>();
        services.TryAddSingleton<IntroductionService>();
        services.TryAddSingleton<OrganisationIntroductionService>();
        services.TryAddSingleton<FollowUpCommands>();

        // Follow-ups. The runner's per-mailbox locks are its own (see FollowUpRunner).
        services.TryAddSingleton<FollowUpQuery>();
        services.TryAddSingleton(sp => new FollowUpRunner(
            sp.GetRequiredService<FollowUpStore>(),
            sp.GetRequiredService<MailboxStore>(),
            sp.GetRequiredService<ContactScoreCache>(),
            sp.GetRequiredService<FollowUpServiceOptions>(),
            new KeyedLocks()));
        services.TryAddSingleton<OutlookSettingsRefresher>();
        services.TryAddSingleton<TodoWriteBack>();
        services.TryAddSingleton<FollowUpPass>();

        // Sync: the follow-up pass runs after each mailbox's sync.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAfterMailboxSync, FollowUpPass>(sp => sp.GetRequiredService<FollowUpPass>()));
        services.TryAddSingleton(TokenCacheProtection.None);
        services.TryAddSingleton<SyncCoordinator>();

        // Privacy.
        services.TryAddSingleton(sp => new PrivacyGraph(() => sp.GetRequiredService<SyncCoordinator>().Connection));
        services.TryAddSingleton<PrivacyService>();

        // What the host provides when it has it: background jobs, change-notification subscriptions.
        services.TryAddSingleton<IJobScheduler, NoJobScheduler>();
        services.TryAddSingleton<IMailboxSubscriptions, NoMailboxSubscriptions>();
        services.TryAddSingleton<MissingPermissions>();
        return services;
    }

    /// <summary>
    /// The one options style: bound from <paramref name="sectionName"/> of the configuration given (not the
    /// container's, so a test's empty configuration means defaults), checked by the type's data annotations
    /// when the host starts (a CLI verb checks when it builds its services), not at first use.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOptions<T>().Bind(configuration.GetSection(sectionName)).ValidateDataAnnotations().ValidateOnStart();
    }
}
