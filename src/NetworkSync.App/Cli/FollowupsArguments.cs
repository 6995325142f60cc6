using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync followups` takes (../shared/contracts/cli.md).</summary>
public sealed record FollowupsArguments(string Database, string Mailbox, DateTimeOffset? AsOf, bool Json)
{
    internal static Command CreateCommand()
    {
        var database = CliOption.Database(required: true);
        var mailbox = CliOption.Mailbox();
        var asOf = CliOption.AsOf();
        var json = CliOption.Json();
        var command = new Command("followups", "Brings the mailbox's follow-ups up to --as-of and prints them, soonest due first.")
        {
            database, mailbox, asOf, json,
        };
        command.SetAction((result, cancellationToken) => FollowupsCommand.RunAsync(
            new FollowupsArguments(result.GetRequiredValue(database), result.GetRequiredValue(mailbox), result.GetValue(asOf), result.GetValue(json)),
            cancellationToken));
        return command;
    }
}
