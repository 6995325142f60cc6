using System.CommandLine;
using NetworkSync.App.Hosting;

namespace NetworkSync.App.Cli;

/// <summary>What `networksync [serve]` takes (../shared/contracts/cli.md); --urls goes on to ASP.NET Core unchanged.</summary>
public sealed record ServeArguments(string? Fixture, string? Database, DateTimeOffset? AsOf, string? Urls)
{
    public const string Description = "Runs the service (the default verb); with no tenant configured, in demo mode on the Graph emulator.";

    /// <summary>The arguments handed on to ASP.NET Core's own configuration.</summary>
    public IReadOnlyList<string> PassThrough => Urls is null ? [] : ["--urls", Urls];

    /// <summary>Gives the command (the root, which serves when no verb is given, and `serve`) the serve options and action.</summary>
    internal static void AddTo(Command command)
    {
        var fixture = CliOption.Fixture("Serve this fixture folder through the Graph emulator (demo mode).");
        var database = CliOption.Database(required: false);
        var asOf = CliOption.AsOf("Freeze the clock at this instant (ISO-8601; UTC unless an offset is given).");
        var urls = CliOption.Text("--urls", "url", "Where to listen (ASP.NET Core's option), for example http://127.0.0.1:5180.");
        command.Add(fixture);
        command.Add(database);
        command.Add(asOf);
        command.Add(urls);
        command.SetAction(result => ServiceHost.RunAsync(new ServeArguments(result.GetValue(fixture), result.GetValue(database), result.GetValue(asOf), result.GetValue(urls))));
    }
}
