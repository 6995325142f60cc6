using Hangfire;
using Hangfire.InMemory;
using NetworkSync.App.Api;
using NetworkSync.App.Features;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.App.Features.FollowUps.Todo;
using NetworkSync.App.Features.Sync;
using NetworkSync.App.Jobs;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Hosting;

/// <summary>The services of `networksync serve`, whatever the sign-in mode.</summary>
public static class ServiceRegistration
{
    /// <summary>Everything `serve` runs: storage, sync, follow-ups, the API's services, Hangfire and its jobs.</summary>
    public static void AddNetworkSyncService(this WebApplicationBuilder builder, TimeProvider time, DemoContext? demo, RunMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(mode);
        services.Configure<GraphOptions>(builder.Configuration.GetSection(GraphOptions.SectionName));
        services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.SectionName));
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
        services.Configure<SyncScheduleOptions>(builder.Configuration.GetSection(SyncScheduleOptions.SectionName));
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value));
        services.AddSingleton<MailboxStore>();
        services.AddSingleton<ContactOverrideStore>();
        services.AddSingleton(builder.Configuration.GetSection("Relationships").Get<RelationshipOptions>() ?? new RelationshipOptions());
        services.AddSingleton<ContactListingService>();
        services.AddSingleton<NetworkKnowledgeService>();
        services.AddSingleton<ContactScoreCache>();
        services.AddSingleton(builder.Configuration.GetSection(FollowUpServiceOptions.SectionName).Get<FollowUpServiceOptions>() ?? new FollowUpServiceOptions());
        services.AddSingleton(sp => new FollowUpRunner(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<ContactScoreCache>(), sp.GetRequiredService<FollowUpServiceOptions>(), new KeyedLocks()));
        services.AddSingleton<OutlookSettingsRefresher>();
        services.AddSingleton<TodoWriteBack>();
        services.AddSingleton<FollowUpPass>();
        services.AddSingleton<IAfterMailboxSync>(sp => sp.GetRequiredService<FollowUpPass>());
        services.AddSingleton<FollowUpQuery>();
        services.AddSingleton<CallerMailbox>();
        services.AddTransient<FollowUpJob>();
        services.AddTransient<WarmthModelJob>();
        services.AddHostedService<WarmthModelScheduleService>();
        services.AddNetworkApi();
        services.AddPrivacyApi();
        services.AddNotifications(builder.Configuration);
        services.AddSingleton<SyncCoordinator>();
        services.AddSingleton<SyncHealth>();
        services.AddTransient<MailboxSyncJob>();
        services.AddTransient<DirectorySyncJob>();
        services.AddHostedService<StartupSyncService>();
        if (demo is not null)
        {
            services.AddSingleton(demo);
            services.AddHostedService<DemoTrickleService>();
        }

        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions()));
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcTimestampConverter()));
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddApiVocabularies());
    }
}
