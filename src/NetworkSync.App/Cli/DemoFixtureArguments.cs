using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync demo-fixture` takes.</summary>
public sealed record DemoFixtureArguments(string Out, int? Seed, int? Contacts, int? Messages, int? Events, DateTimeOffset? AsOf)
{
    internal static Command CreateCommand()
    {
        var output = CliOption.Text("--out", "dir", "The folder to write the fixture (and its planted truth) to.", required: true);
        var seed = CliOption.PositiveWholeNumber("--seed", "The random seed (default 42).");
        var contacts = CliOption.PositiveWholeNumber("--contacts", "How many contacts to plant (default 300).");
        var messages = CliOption.PositiveWholeNumber("--messages", "Aim for about this many messages.");
        var events = CliOption.PositiveWholeNumber("--events", "Aim for about this many events.");
        var asOf = CliOption.AsOf("The generated history ends at this instant (ISO-8601).");
        var command = new Command("demo-fixture", "Writes a generated demo mailbox and its planted truth as a fixture folder.")
        {
            output, seed, contacts, messages, events, asOf,
        };
        command.SetAction(result => DemoFixtureCommand.Run(new DemoFixtureArguments(
            result.GetRequiredValue(output), result.GetValue(seed), result.GetValue(contacts), result.GetValue(messages), result.GetValue(events), result.GetValue(asOf))));
        return command;
    }
}
