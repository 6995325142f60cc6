using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync intros` takes (../shared/contracts/cli.md).</summary>
public sealed record IntrosArguments(string Database, string Mailbox, string To, DateTimeOffset? AsOf, bool Json)
{
    internal static Command CreateCommand()
    {
        var database = CliOption.Database(required: true);
        var mailbox = CliOption.Mailbox();
        var to = CliOption.Text("--to", "address", "The person to be introduced to: any address, a stranger or a cold contact.", required: true);
        var asOf = CliOption.AsOf();
        var json = CliOption.Json();
        var command = new Command("intros", "Prints who in the mailbox's network can introduce its owner to an address, best first.")
        {
            database, mailbox, to, asOf, json,
        };
        command.SetAction((result, cancellationToken) => IntrosCommand.RunAsync(
            new IntrosArguments(result.GetRequiredValue(database), result.GetRequiredValue(mailbox), result.GetRequiredValue(to), result.GetValue(asOf), result.GetValue(json)),
            cancellationToken));
        return command;
    }
}
