using System.CommandLine;
using System.CommandLine.Parsing;

namespace NetworkSync.App.Cli;

/// <summary>
/// Turns a failed parse into the one line the CLI contract asks for ("sync: --db is required"),
/// instead of System.CommandLine's error list followed by the whole help text.
/// </summary>
internal static class ParseErrorLine
{
    public static string For(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var verb = command is RootCommand ? "serve" : command.Name;
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            if (command is RootCommand && result.Tokens.Count > 0 && result.Tokens[0].Value == token && !token.StartsWith('-'))
            {
                return $"unknown command '{token}'; expected one of: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
            }

            return token.StartsWith('-') ? $"{verb}: unknown option '{token}'" : $"{verb}: unexpected argument '{token}'";
        }

        var error = result.Errors[0];
        if (error.SymbolResult is OptionResult option)
        {
            if (option.IdentifierToken is null)
            {
                return $"{verb}: {option.Option.Name} is required";
            }

            if (option.Tokens.Count == 0)
            {
                return $"{option.Option.Name} needs a value";
            }
        }

        // Our own parsers' messages are already one line naming the option; flatten anything else to one.
        return string.Join(' ', error.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
