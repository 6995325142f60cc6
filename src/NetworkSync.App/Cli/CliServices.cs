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

    /// <summary>
    /// The verb's services over the database at <paramref name="databasePath"/> (not opened yet): a SQLite file, or a
    /// PostgreSQL database given as a <c>postgresql://</c> URI (cli.md, "Databases"), which wins over the configured provider.
    /// </summary>
    public static ServiceProvider Create(string databasePath, TimeProvider time, RunMode mode) =>
        Create(databasePath, time, mode, static _ => { });

    /// <summary>As <see cref="Create(string, TimeProvider, RunMode)"/>, with the verb's own changes made by <paramref name="configure"/>.</summary>
    public static ServiceProvider Create(string databasePath, TimeProvider time, RunMode mode, Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var postgres = PostgresConnectionString.IsUri(databasePath);
        if (postgres && PostgresConnectionString.Problem(databasePath) is { } problem)
        {
            throw new ExpectedFailureException("--db: " + problem);
        }

        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(mode);
        services.AddLogging(logging => ConfigureLogging(logging, LogLevel.Warning));
        services.AddNetworkSyncCore(AppConfiguration.Build());
        services.PostConfigure<StorageOptions>(o =>
        {
            if (postgres)
            {
                o.Provider = StorageProvider.Postgres;
                o.ConnectionString = databasePath;
            }
            else
            {
                o.Provider = StorageProvider.Sqlite;
                o.DatabasePath = databasePath;
            }
        });
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
        if (!PostgresConnectionString.IsUri(path) && !File.Exists(path))
        {
            throw new ExpectedFailureException($"--db: no database at {Path.GetFullPath(path)} (run 'networksync sync' first)");
        }

        var services = Create(path, time, mode);
        await services.GetRequiredService<NetworkSyncDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
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
}
