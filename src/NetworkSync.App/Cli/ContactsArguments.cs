using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync contacts` takes (../shared/contracts/cli.md).</summary>
public sealed record ContactsArguments(string Database, string Mailbox, DateTimeOffset? AsOf, bool All, bool Json)
{
    internal static Command CreateCommand()
    {
        var database = CliOption.Database(required: true);
        var mailbox = CliOption.Mailbox();
        var asOf = CliOption.AsOf();
        var all = CliOption.Flag("--all", "List every person the mailbox has seen: automated senders (marked \"automated\": true) and people only ever copied too.");
        var json = CliOption.Json();
        var command = new Command("contacts", "Prints the people the mailbox has interacted with, warmest first.")
        {
            database, mailbox, asOf, all, json,
        };
        command.SetAction((result, cancellationToken) => ContactsCommand.RunAsync(
            new ContactsArguments(result.GetRequiredValue(database), result.GetRequiredValue(mailbox), result.GetValue(asOf), result.GetValue(all), result.GetValue(json)),
            cancellationToken));
        return command;
    }
}
