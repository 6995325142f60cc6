using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using NetworkSync.App.Api;
using NetworkSync.App.Cli;
using NetworkSync.App.Features;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.App.Features.FollowUps.Todo;
using NetworkSync.App.Features.Sync;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.App.Hosting.Limits;
using NetworkSync.App.Hosting.Local;
using NetworkSync.App.Jobs;
using NetworkSync.DemoData;
using NetworkSync.Domain.Relationships;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Hosting;

/// <summary>
/// `networksync serve`: ASP.NET Core + Hangfire. With no tenant configured (or with --fixture) it runs
/// in demo mode: the Graph emulator serves the demo mailbox in-process, bound to loopback only.
/// </summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(ParsedArguments args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args.PassThrough] });
        AppConfiguration.AddSources(builder.Configuration);

        // Logs go to stderr: stdout carries only the URL to open, for scripts that start the service.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var asOf = args.GetInstant("--as-of");
        TimeProvider time = asOf is { } frozen ? new FixedTimeProvider(frozen) : TimeProvider.System;

        var graphOptions = builder.Configuration.GetSection(GraphOptions.SectionName).Get<GraphOptions>() ?? new GraphOptions();
        var demoOptions = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        var demo = args.Has("--fixture") || string.IsNullOrWhiteSpace(graphOptions.TenantId);
        var dataFolder = AppConfiguration.ResolveConfiguredPath(builder.Configuration["DataFolder"] ?? "data");
        var overrides = new Dictionary<string, string?>();
        if (args.Get("--db") is { } db)
        {
            overrides["Storage:DatabasePath"] = Path.GetFullPath(db);
        }
        else if (demo)
        {
            overrides["Storage:DatabasePath"] = Path.Combine(dataFolder, "demo", "networksync.db");
        }
        else
        {
            overrides["Storage:DatabasePath"] = AppConfiguration.ResolveConfiguredPath(builder.Configuration["Storage:DatabasePath"] ?? Path.Combine("data", "networksync.db"));
        }

        Emulator? emulator = null;
        DemoContext? demoContext = null;
        if (demo)
        {
            var fixture = args.Get("--fixture") is { } given
                ? RequireFixture(given)
                : DemoFixture.Ensure(Path.Combine(dataFolder, "demo"), demoOptions, time.GetUtcNow(), Console.Error.WriteLine);
            emulator = await Emulator.StartAsync(new GraphEmulatorOptions { FixturePath = fixture }).ConfigureAwait(false);
            foreach (var problem in emulator.LoadProblems.Take(20))
            {
                await Console.Error.WriteLineAsync($"fixture: skipped {problem.File} #{problem.Index}: {problem.Reason}").ConfigureAwait(false);
            }

            overrides["Graph:BaseUrl"] = emulator.GraphBaseUrl.ToString();
            overrides["Graph:AuthMode"] = nameof(GraphAuthMode.Emulator);
            overrides["Graph:EmulatorTokenEndpoint"] = emulator.TokenEndpoint.ToString();
            if (args.Get("--fixture") is null && File.Exists(Path.Combine(fixture, "planted-truth.json")))
            {
                var truth = Path.Combine(fixture, "planted-truth.json");
                demoContext = new DemoContext(emulator, new DemoTrickle(truth, demoOptions.Seed), emulator.Tenant.Users[0]["id"]!.GetValue<string>());
            }

            if (!args.PassThrough.Contains("--urls") && builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
            {
                builder.WebHost.UseUrls(demoOptions.Urls);
            }

            overrides["Sync:Cron"] = demoOptions.SyncCron;
        }

        var entra = builder.Configuration.GetSection(EntraOptions.SectionName).Get<EntraOptions>() ?? new EntraOptions();
        LocalApiKey? localKey = null;
        if (!entra.IsEnabled)
        {
            // Local mode (until Entra ID sign-in is configured): loopback only, one key per install, and
            // requests must name a loopback host, so a rebinding DNS name cannot reach the pages or the key.
            var nonLoopback = LoopbackAddresses.NonLoopback(ConfiguredUrls(builder));
            if (nonLoopback.Count > 0)
            {
                throw new ExpectedFailureException($"local mode listens on loopback only, refusing to listen on {string.Join(", ", nonLoopback)} (use --urls http://127.0.0.1:<port>, or configure Entra ID sign-in: docs/security.md)");
            }

            overrides["AllowedHosts"] = string.Join(';', LoopbackAddresses.AllowedHosts);
            localKey = LocalApiKey.Load(dataFolder);
        }

        overrides["Graph:TokenCachePath"] = Path.Combine(dataFolder, "graph-token-cache.bin");
        builder.Configuration.AddInMemoryCollection(overrides);
        ConfigureServices(builder, time, demoContext, new RunMode(demo));

        // Keys for encrypting what must be kept secret at rest (the delegated token cache).
        builder.Services.AddDataProtection().SetApplicationName("NetworkSync").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        builder.Services.AddSingleton(entra);
        builder.Services.AddHttpContextAccessor();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBody);
        builder.Services.AddApiRateLimiting(builder.Configuration.GetSection(ApiRateLimitOptions.SectionName).Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions());
        var meta = localKey is not null ? ConfigureLocalMode(builder, localKey) : ConfigureEntraMode(builder, entra);
        var dist = AppConfiguration.ResolveConfiguredPath(builder.Configuration["Addin:DistPath"] ?? Path.Combine("addin", "dist"));
        builder.Services.AddSingleton(new AddinBundle(dist, meta));

        await using var app = builder.Build();
        await app.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders(SecurityHeaders.ContentSecurityPolicy(entra.IsEnabled ? [new Uri(entra.Instance).GetLeftPart(UriPartial.Authority)] : []));
        var bundle = app.Services.GetRequiredService<AddinBundle>();
        if (Directory.Exists(bundle.DistFolder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(bundle.DistFolder),
                RequestPath = "/addin",
                ContentTypeProvider = AssetContentTypes(),
            });
        }

        if (entra.IsEnabled)
        {
            app.UseCors();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealth();
        if (!entra.IsEnabled)
        {
            // Addressed by mailbox: a single-user convenience of local mode, never offered to signed-in users.
            app.MapMailboxes();
            app.MapContactOverrides();
        }

        app.MapFollowUps();
        app.MapNetworkApi();
        app.MapPrivacyApi();
        app.MapNotificationsApi();
        app.MapAddin();
        if (demo)
        {
            // Loopback-only demo: the job dashboard helps to watch syncs; outside demo mode it is off.
            app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new LoopbackOnlyDashboardAuthorization()] }).AllowAnonymous();
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (localKey is not null && LoopbackAddresses.NonLoopback(addresses) is { Count: > 0 } bound)
            {
                Console.Error.WriteLine($"networksync: local mode listens on loopback only, but the server bound {string.Join(", ", bound)}; stopping");
                Environment.ExitCode = 1;
                app.Lifetime.StopApplication();
                return;
            }

            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
            Console.Error.WriteLine(localKey is not null
                ? $"Local mode: listening on loopback only. API calls need this install's key ({localKey.Source}); the dashboard and add-in pages served here carry it."
                : $"Entra ID sign-in: API calls need an access token for {entra.FullScope} from {entra.Authority}.");
            if (!bundle.IsBuilt)
            {
                Console.Error.WriteLine($"The add-in and dashboard are not built ({bundle.DistFolder} is missing): cd addin && npm ci && npm run build");
            }

            Console.Out.WriteLine(demo ? $"NetworkSync (demo mode) is running: open {url}/" : $"NetworkSync is running: open {url}/");
            Console.Out.Flush();
        });

        try
        {
            await app.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }
        }

        return Environment.ExitCode;
    }

    /// <summary>Local mode: the install's key signs the caller in; the pages carry it. Returns the pages' meta tags.</summary>
    private static Dictionary<string, string> ConfigureLocalMode(WebApplicationBuilder builder, LocalApiKey key)
    {
        builder.Services.AddSingleton(key);
        builder.Services.AddAuthentication(LocalKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, LocalKeyAuthenticationHandler>(LocalKeyAuthenticationHandler.SchemeName, null);

        // Every endpoint needs the caller signed in unless it says otherwise (health, OpenAPI, the pages).
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return new Dictionary<string, string> { ["networksync-key"] = key.Value };
    }

    /// <summary>Entra ID sign-in: bearer tokens for the API; CORS for the add-in's own origins only. Returns the pages' meta tags.</summary>
    private static Dictionary<string, string> ConfigureEntraMode(WebApplicationBuilder builder, EntraOptions entra)
    {
        EntraSignIn.Configure(builder.Services, builder.Configuration, entra);
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins([.. entra.AllowedOrigins])
            .WithHeaders("Authorization", "Content-Type")
            .WithMethods("GET", "POST", "PUT", "DELETE")));
        return new Dictionary<string, string>
        {
            ["networksync-auth"] = "entra",
            ["networksync-client-id"] = entra.ClientId,
            ["networksync-scope"] = entra.FullScope,
            ["networksync-authority"] = entra.Authority,
        };
    }

    // The API takes small JSON bodies only (a batch of 100 addresses is a few kilobytes).
    private const long MaxRequestBody = 64 * 1024;

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

    /// <summary>Static asset types; pages and manifests are not among them, so they always go through AddinEndpoints.</summary>
    private static FileExtensionContentTypeProvider AssetContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Remove(".html");
        types.Mappings.Remove(".htm");
        types.Mappings.Remove(".xml");
        types.Mappings.Remove(".json");
        types.Mappings[".js"] = "text/javascript";
        return types;
    }

    private static void ConfigureServices(WebApplicationBuilder builder, TimeProvider time, DemoContext? demo, RunMode mode)
    {
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
        services.AddOpenApi();
    }

    private static string RequireFixture(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(Path.Combine(full, "users.json"))
            ? full
            : throw new ExpectedFailureException($"--fixture: {full} is not a fixture folder (no users.json)");
    }
}
