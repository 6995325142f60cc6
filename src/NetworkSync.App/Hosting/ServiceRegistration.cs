using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting.Telemetry;
using NetworkSync.App.Jobs;
using NetworkSync.Application;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;

namespace NetworkSync.App.Hosting;

/// <summary>The services of `networksync serve`, whatever the sign-in mode.</summary>
public static class ServiceRegistration
{
    /// <summary>Everything `serve` runs: the application core (<see cref="CoreServiceRegistration"/>), the API's HTTP services, Hangfire and its jobs.</summary>
    public static void AddNetworkSyncService(this WebApplicationBuilder builder, TimeProvider time, DemoContext? demo, RunMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(mode);
        services.AddNetworkSyncCore(builder.Configuration);
        services.AddValidatedOptions<DemoOptions>(builder.Configuration, DemoOptions.SectionName);
        services.AddValidatedOptions<SyncScheduleOptions>(builder.Configuration, SyncScheduleOptions.SectionName);

        // Read once to choose the sign-in and to size the limiter before the container exists (ServiceHost),
        // and checked here like every other section, so a bad value stops start-up too.
        services.AddValidatedOptions<Limits.ApiRateLimitOptions>(builder.Configuration, Limits.ApiRateLimitOptions.SectionName);
        services.AddValidatedOptions<Entra.EntraOptions>(builder.Configuration, Entra.EntraOptions.SectionName);

        // What only `serve` has: Data Protection keys for the token cache, Hangfire's jobs, the caller of a request.
        services.Replace(ServiceDescriptor.Singleton(sp => TokenCacheProtection.From(sp.GetRequiredService<IDataProtectionProvider>())));
        services.Replace(ServiceDescriptor.Singleton<IJobScheduler, HangfireJobScheduler>());
        services.AddSingleton<CallerMailbox>();
        services.AddTransient<FollowUpJob>();
        services.AddTransient<WarmthModelJob>();
        services.AddHostedService<WarmthModelScheduleService>();
        services.AddNetworkApi();
        services.AddPrivacyApi();
        services.AddNotifications();
        services.AddSingleton<SyncHealth>();
        services.AddTransient<MailboxSyncJob>();
        services.AddTransient<DirectorySyncJob>();
        services.AddHostedService<StartupSyncService>();
        if (demo is not null)
        {
            services.AddSingleton(demo);
            services.AddHostedService<DemoTrickleService>();
        }

        // Jobs live where the data does: in memory beside SQLite (one process), in PostgreSQL when instances share it.
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddHangfire(config =>
        {
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres && storage.ConnectionString is { } connection)
            {
                config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(PostgresConnectionString.Normalize(connection)));
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcTimestampConverter()));
        builder.AddNetworkSyncTelemetry();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddApiVocabularies());
    }
}
