using Hangfire;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting;
using NetworkSync.Application;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Api;

/// <summary>What the service's host registers for the caller-scoped API (the application core and the API's HTTP services), for in-process test hosts on a test mailbox.</summary>
internal static class InProcessApiServices
{
    public static IServiceCollection AddApiHostServices(this IServiceCollection services, TimeProvider clock, NetworkSyncDatabase database, IBackgroundJobClient jobs)
    {
        services.AddSingleton(clock);
        services.AddSingleton(new RunMode(Demo: true));
        services.AddSingleton<NetworkSyncDatabase>(database);
        services.AddNetworkSyncCore(new ConfigurationBuilder().Build());
        services.AddSingleton<CallerMailbox>();
        services.AddSingleton(jobs);

        // The service's job scheduler over the test's recording clients, so a test sees what would be queued.
        services.TryAddSingleton<IRecurringJobManager>(new Privacy.RecordingRecurringJobs());
        services.Replace(ServiceDescriptor.Singleton<IJobScheduler, Jobs.HangfireJobScheduler>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcTimestampConverter()));
        services.AddProblemDetails();

        // Through a delegate: a direct call here would make the OpenAPI source generator intercept it,
        // which the test project is not set up for; the service's own call is intercepted as usual.
        Func<IServiceCollection, IServiceCollection> addOpenApi = OpenApiServiceCollectionExtensions.AddOpenApi;
        addOpenApi(services);
        services.AddNetworkApi();
        return services;
    }
}
