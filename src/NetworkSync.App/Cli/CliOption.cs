using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NetworkSync.App.Cli;

/// <summary>
/// The options the verbs share, parsed the way the hand-written parser did before System.CommandLine:
/// a repeated option keeps its last value, and a bad value is one precise line
/// ("--as-of: '2026-13-01' is not an ISO-8601 date or time") that exits 2.
/// </summary>
internal static class CliOption
{
    public static Option<string> Database(bool required) =>
        Text("--db", "file", "The SQLite database file.", required);

    public static Option<string> Mailbox() =>
        Text("--mailbox", "mail|upn|id", "The mailbox: its address, user principal name or Graph id.", required: true);

    public static Option<string> Fixture(string description) => Text("--fixture", "dir", description);

    public static Option<bool> Json() => Flag("--json", "Print JSON on stdout (the only thing on stdout, for piping).");

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<string> Text(string name, string helpName, string description, bool required = false) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Required = required,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => LastValue(result),
        };

    /// <summary>An ISO-8601 instant; a value without an offset is taken as UTC.</summary>
    public static Option<DateTimeOffset?> AsOf(string description = "What \"now\" is (ISO-8601; UTC unless an offset is given).") =>
        Parsed<DateTimeOffset?>("--as-of", "ISO-8601", description, text =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : null, "is not an ISO-8601 date or time");

    public static Option<int?> PositiveWholeNumber(string name, string description) =>
        Parsed<int?>(name, "n", description, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null, "is not a positive whole number");

    public static Option<int?> Port(string description) =>
        Parsed<int?>("--port", "n", description, text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 65535 ? value : null, "is not a port number");

    private static Option<T> Parsed<T>(string name, string helpName, string description, Func<string, T?> parse, string complaint) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var text = LastValue(result);
                if (text is null)
                {
                    return default;
                }

                var value = parse(text);
                if (value is null)
                {
                    result.AddError($"{name}: '{text}' {complaint}");
                }

                return value;
            },
        };

    // The parser before System.CommandLine let a later occurrence override an earlier one; scripts may rely on it.
    private static string? LastValue(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
}
