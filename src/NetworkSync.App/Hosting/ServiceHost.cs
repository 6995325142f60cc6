using Microsoft.AspNetCore.DataProtection;
using NetworkSync.App.Api;
using NetworkSync.App.Cli;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.App.Hosting.Limits;
using NetworkSync.App.Hosting.Local;
using NetworkSync.Application;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Hosting;

/// <summary>
/// `networksync serve`: ASP.NET Core + Hangfire. With no tenant configured (or with --fixture) it runs
/// in demo mode: the Graph emulator serves the demo mailbox in-process, bound to loopback only.
/// Without Entra ID sign-in configured it runs in local mode (loopback only; a browser signs in with the printed URL).
/// </summary>
public static class ServiceHost
{
    // The API takes small JSON bodies only (a batch of 100 addresses is a few kilobytes).
    private const long MaxRequestBody = 64 * 1024;

    public static async Task<int> RunAsync(ServeArguments args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args.PassThrough] });
        AppConfiguration.AddSources(builder.Configuration);

        // Logs go to stderr: stdout carries only the URL to open, for scripts that start the service.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var asOf = args.AsOf;
        TimeProvider time = asOf is { } frozen ? new FixedTimeProvider(frozen) : TimeProvider.System;

        // Before anything starts: a sign-in configuration that cannot work stops here, saying why.
        var entra = builder.Configuration.GetSection(EntraOptions.SectionName).Get<EntraOptions>() ?? new EntraOptions();
        if (entra.IsEnabled)
        {
            EntraConfigurationCheck.EnsureValid(entra, builder.Configuration);
        }

        var graphOptions = builder.Configuration.GetSection(GraphOptions.SectionName).Get<GraphOptions>() ?? new GraphOptions();
        var demoOptions = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        var demo = args.Fixture is not null || string.IsNullOrWhiteSpace(graphOptions.TenantId);
        var dataFolder = AppConfiguration.ResolveConfiguredPath(builder.Configuration["DataFolder"] ?? "data");

        // NetworkSync's own folder (keys, token cache, the local key, the demo database): owner-only.
        PrivateFiles.CreateFolder(dataFolder, tightenExisting: true);
        PrivateFiles.CreateFolder(Path.Combine(dataFolder, "keys"), tightenExisting: true);
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = args.Database is { } db && !PostgresConnectionString.IsUri(db) ? Path.GetFullPath(db)
                : demo ? Path.Combine(dataFolder, "demo", "networksync.db")
                : AppConfiguration.ResolveConfiguredPath(builder.Configuration["Storage:DatabasePath"] ?? Path.Combine("data", "networksync.db")),
            ["Graph:TokenCachePath"] = Path.Combine(dataFolder, "graph-token-cache.bin"),
        };
        if (args.Database is { } named)
        {
            // --db names the database, a SQLite file or a PostgreSQL URI (cli.md, "Databases"): it wins over the configured provider.
            var postgres = PostgresConnectionString.IsUri(named);
            overrides["Storage:Provider"] = postgres ? nameof(StorageProvider.Postgres) : nameof(StorageProvider.Sqlite);
            if (postgres)
            {
                overrides.Remove("Storage:DatabasePath");
                overrides["Storage:ConnectionString"] = named;
            }
        }

        await using var demoEnvironment = demo
            ? await DemoEnvironment.StartAsync(args.Fixture, dataFolder, demoOptions, time, overrides).ConfigureAwait(false)
            : null;
        if (demo && !args.PassThrough.Contains("--urls") && builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
        {
            builder.WebHost.UseUrls(demoOptions.Urls);
        }

        LocalSignIn? localSignIn = null;
        if (!entra.IsEnabled)
        {
            LocalMode.RequireLoopback(ConfiguredUrls(builder), overrides);
            var localKey = LocalApiKey.Load(dataFolder);
            localSignIn = new LocalSignIn(localKey);
            builder.Services.AddSingleton(localKey);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddNetworkSyncService(time, demoEnvironment?.Context, new RunMode(demo));

        // Keys for encrypting what must be kept secret at rest (the delegated token cache).
        builder.Services.AddDataProtection().SetApplicationName("NetworkSync").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        builder.Services.AddSingleton(entra);
        builder.Services.AddHttpContextAccessor();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBody;
            RequestHeadLimits.RaiseKestrelLimitsToBackstop(kestrel.Limits);
        });
        builder.Services.AddApiRateLimiting(builder.Configuration.GetSection(ApiRateLimitOptions.SectionName).Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions());
        var meta = localSignIn is not null
            ? LocalMode.Configure(builder.Services, localSignIn)
            : EntraMode.Configure(builder.Services, builder.Configuration, entra);
        var dist = AppConfiguration.ResolveConfiguredPath(builder.Configuration["Addin:DistPath"] ?? Path.Combine("addin", "dist"));
        builder.Services.AddSingleton(new AddinBundle(dist, meta));
        if (demo)
        {
            // Hangfire's dashboard checks its forms' antiforgery token whenever the service is registered.
            builder.Services.AddAntiforgery();
        }

        await using var app = builder.Build();
        await app.Services.GetRequiredService<NetworkSyncDatabase>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        await InterruptedSyncs.ResetAsync(
            app.Services.GetRequiredService<MailboxStore>(), app.Services.GetRequiredService<NetworkSync.Storage.Coordination.MailboxLeases>(), time, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InterruptedSyncs)), CancellationToken.None).ConfigureAwait(false);
        await Telemetry.DeltaLagSeed.FromStoreAsync(
            app.Services.GetRequiredService<MailboxStore>(), app.Services.GetRequiredService<NetworkSync.Sync.Telemetry.NetworkSyncTelemetry>(), CancellationToken.None).ConfigureAwait(false);
        app.Services.GetRequiredService<Readiness>().MarkStartupDone();
        app.UseNetworkSyncPipeline(entra, demo, localSignIn);
        StartupBanner.Register(app, localSignIn, entra, demo, dataFolder);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (InvalidConfiguration.From(ex) is { } failure)
        {
            throw failure;
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return Environment.ExitCode;
    }

    /// <summary>The URLs Kestrel will listen on: --urls, ASPNETCORE_URLS, "urls" and Kestrel:Endpoints.</summary>
    private static IEnumerable<string> ConfiguredUrls(WebApplicationBuilder builder)
    {
        if (builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } urls)
        {
            yield return urls;
        }

        foreach (var endpoint in builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }
}
