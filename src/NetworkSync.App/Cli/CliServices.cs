using Microsoft.Extensions.Logging.Console;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>What one-shot verbs share: logging to stderr (stdout is reserved for --json) and opening the database.</summary>
public static class CliServices
{
    public static ILoggerFactory CreateLoggerFactory(LogLevel minimum = LogLevel.Warning) =>
        LoggerFactory.Create(logging => logging
            .SetMinimumLevel(minimum)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning)
            .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

    /// <summary>Opens an existing database (read verbs) with the schema brought up to date.</summary>
    public static async Task<SqliteDatabase> OpenExistingAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ExpectedFailureException($"--db: no database at {Path.GetFullPath(path)} (run 'networksync sync' first)");
        }

        var database = new SqliteDatabase(new StorageOptions { DatabasePath = path });
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return database;
    }

    public static TimeProvider ClockFor(DateTimeOffset? asOf) =>
        asOf is { } frozen ? new FixedTimeProvider(frozen) : TimeProvider.System;
}
