using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NetworkSync.App.Hosting;
using NetworkSync.Application;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>
/// What one-shot verbs share: logging to stderr (stdout is reserved for --json) and their services, the
/// application core of `serve` (<see cref="CoreServiceRegistration.AddNetworkSyncCore"/>) over the verb's
/// database, clock and run mode.
/// </summary>
public static class CliServices
{
    public static ILoggerFactory CreateLoggerFactory(LogLevel minimum = LogLevel.Warning) =>
        LoggerFactory.Create(logging => ConfigureLogging(logging, minimum));

    /// <summary>The verb's services over the database at <paramref name="databasePath"/> (not opened yet).</summary>
    public static ServiceProvider Create(string databasePath, TimeProvider time, RunMode mode) =>
        Create(databasePath, time, mode, static _ => { });

    /// <summary>As <see cref="Create(string, TimeProvider, RunMode)"/>, with the verb's own changes made by <paramref name="configure"/>.</summary>
    public static ServiceProvider Create(string databasePath, TimeProvider time, RunMode mode, Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        RefuseServerUri(databasePath);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(mode);
        services.AddLogging(logging => ConfigureLogging(logging, LogLevel.Warning));
        services.AddNetworkSyncCore(AppConfiguration.Build());
        services.PostConfigure<StorageOptions>(o => o.DatabasePath = databasePath);
        configure(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // The options checks `serve` makes at start-up.
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch (Exception ex) when (InvalidConfiguration.From(ex) is { } failure)
        {
            provider.Dispose();
            throw failure;
        }
    }

    /// <summary>The verb's services over an existing database (read verbs), its schema brought up to date.</summary>
    public static async Task<ServiceProvider> OpenExistingAsync(string path, TimeProvider time, RunMode mode, CancellationToken cancellationToken)
    {
        RefuseServerUri(path);
        if (!File.Exists(path))
        {
            throw new ExpectedFailureException($"--db: no database at {Path.GetFullPath(path)} (run 'networksync sync' first)");
        }

        var services = Create(path, time, mode);
        await services.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return services;
    }

    public static TimeProvider ClockFor(DateTimeOffset? asOf) =>
        asOf is { } frozen ? new FixedTimeProvider(frozen) : TimeProvider.System;

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel minimum) => logging
        .SetMinimumLevel(minimum)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        })
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("System", LogLevel.Warning)
        .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

    // cli.md lets --db name a PostgreSQL database; until that storage provider exists, say so plainly rather
    // than creating a SQLite file named after the URI.
    private static void RefuseServerUri(string path)
    {
        if (path.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ExpectedFailureException("--db: PostgreSQL databases are not supported by this version yet; give a SQLite database file");
        }
    }
}
