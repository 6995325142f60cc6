using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>
/// What `networksync evaluate` takes (../shared/contracts/cli.md), in either form: --db with --mailbox
/// backtests a stored mailbox; otherwise a planted-truth fixture (given or generated) is scored.
/// </summary>
public sealed record EvaluateArguments(
    string? Fixture, int? Seed, int? Contacts, string? Database, string? Mailbox, DateTimeOffset? AsOf, bool Json, bool Check)
{
    internal static Command CreateCommand()
    {
        var fixture = CliOption.Fixture("A fixture folder with planted-truth.json to score against (default: a generated one).");
        var seed = CliOption.PositiveWholeNumber("--seed", "The generated fixture's random seed (default 42).");
        var contacts = CliOption.PositiveWholeNumber("--contacts", "How many contacts the generated fixture plants (default 300).");
        var database = CliOption.Database(required: false);
        var mailbox = CliOption.Text("--mailbox", "mail|upn|id", "With --db: backtest this stored mailbox on its own history.");
        var asOf = CliOption.AsOf("With --db: the backtest's \"now\"; its cutoffs come before it (ISO-8601).");
        var json = CliOption.Json();
        var check = CliOption.Flag("--check", "Exit 1 when a planted-truth target is missed.");
        var command = new Command("evaluate", "Backtests the warmth model on a stored mailbox (--db, --mailbox), or scores it against a fixture's planted truth.")
        {
            fixture, seed, contacts, database, mailbox, asOf, json, check,
        };
        command.SetAction((result, cancellationToken) => EvaluateCommand.RunAsync(
            new EvaluateArguments(
                result.GetValue(fixture), result.GetValue(seed), result.GetValue(contacts), result.GetValue(database), result.GetValue(mailbox),
                result.GetValue(asOf), result.GetValue(json), result.GetValue(check)),
            cancellationToken));
        return command;
    }
}
