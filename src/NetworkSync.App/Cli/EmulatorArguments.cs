using System.CommandLine;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync emulator` takes.</summary>
public sealed record EmulatorArguments(string? Fixture, int Port)
{
    internal static Command CreateCommand()
    {
        var fixture = CliOption.Fixture("Serve this fixture folder (default: the generated demo mailbox).");
        var port = CliOption.Port("The loopback port to listen on (default 0: a free one).");
        var command = new Command("emulator", "Runs the Graph emulator alone until Ctrl+C and prints its Graph base URL.")
        {
            fixture, port,
        };
        command.SetAction((result, cancellationToken) => EmulatorCommand.RunAsync(
            new EmulatorArguments(result.GetValue(fixture), result.GetValue(port) ?? 0), cancellationToken));
        return command;
    }
}
