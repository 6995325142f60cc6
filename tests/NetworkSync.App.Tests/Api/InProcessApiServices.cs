using Hangfire;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting;
using NetworkSync.Application;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Api;

/// <summary>What the service's host registers for the caller-scoped API (the application core and the API's HTTP services), for in-process test hosts on a test mailbox.</summary>
internal static class InProcessApiServices
{
    public static IServiceCollection AddApiHostServices(this IServiceCollection services, TimeProvider clock, SqliteDatabase database, IBackgroundJobClient jobs)
    {
        services.AddSingleton(clock);
        services.AddSingleton(new RunMode(Demo: true));
        services.AddSingleton(database);
        services.AddNetworkSyncCore(new ConfigurationBuilder().Build());
        services.AddSingleton<CallerMailbox>();
        services.AddSingleton(jobs);
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
