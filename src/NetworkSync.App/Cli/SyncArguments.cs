using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync sync` takes (../shared/contracts/cli.md).</summary>
public sealed record SyncArguments(string? Fixture, string Database, DateTimeOffset? AsOf)
{
    internal static Command CreateCommand()
    {
        var fixture = CliOption.Fixture("Sync this fixture folder through the Graph emulator instead of the configured tenant.");
        var database = CliOption.Database(required: true);
        var asOf = CliOption.AsOf("The clock for the whole run: what \"now\" is for decay, flags and follow-ups (ISO-8601).");
        var command = new Command("sync", "Syncs every mailbox once through the real Graph client, runs scoring, flags and follow-ups, and exits.")
        {
            fixture, database, asOf,
        };
        command.SetAction((result, cancellationToken) => SyncCommand.RunAsync(
            new SyncArguments(result.GetValue(fixture), result.GetRequiredValue(database), result.GetValue(asOf)), cancellationToken));
        return command;
    }
}
