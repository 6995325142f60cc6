using NetworkSync.App.Hosting;

namespace NetworkSync.App.Cli;

/// <summary>
/// The `networksync` command line (../shared/contracts/cli.md): serve (default), sync, contacts,
/// followups, plus the additions emulator and demo-fixture. Exit 0 ok, 1 failure, 2 usage error.
/// </summary>
public static class CommandLineApp
{
    public static readonly IReadOnlyDictionary<string, CommandSpec> Commands = new Dictionary<string, CommandSpec>(StringComparer.Ordinal)
    {
        ["serve"] = new("networksync [serve] [--fixture <dir>] [--db <file>] [--as-of <ISO-8601>] [--urls <url>]",
            Set("--fixture", "--db", "--as-of"), Set(), Set(), Set("--urls")),
        ["sync"] = new("networksync sync [--fixture <dir>] --db <file> [--as-of <ISO-8601>]",
            Set("--fixture", "--db", "--as-of"), Set(), Set("--db"), Set()),
        ["contacts"] = new("networksync contacts --db <file> --mailbox <mail|upn|id> [--as-of <ISO-8601>] [--all] --json",
            Set("--db", "--mailbox", "--as-of"), Set("--json", "--all"), Set("--db", "--mailbox"), Set()),
        ["followups"] = new("networksync followups --db <file> --mailbox <mail|upn|id> [--as-of <ISO-8601>] --json",
            Set("--db", "--mailbox", "--as-of"), Set("--json"), Set("--db", "--mailbox"), Set()),
        ["evaluate"] = new("networksync evaluate --db <file> --mailbox <mail|upn|id> [--as-of <ISO-8601>] --json   |   networksync evaluate [--fixture <dir with planted-truth.json>] [--seed <n>] [--contacts <n>] [--json] [--check]",
            Set("--fixture", "--seed", "--contacts", "--db", "--mailbox", "--as-of"), Set("--json", "--check"), Set(), Set()),
        ["emulator"] = new("networksync emulator [--fixture <dir>] [--port <n>]   (runs the Graph emulator alone, until Ctrl+C)",
            Set("--fixture", "--port"), Set(), Set(), Set()),
        ["demo-fixture"] = new("networksync demo-fixture --out <dir> [--seed <n>] [--contacts <n>] [--messages <n>] [--events <n>] [--as-of <ISO-8601>]",
            Set("--out", "--seed", "--contacts", "--messages", "--events", "--as-of"), Set(), Set("--out"), Set()),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(Console.Out);
            return 0;
        }

        try
        {
            var parsed = ParsedArguments.Parse(args, Commands);
            if (parsed.Has("--help"))
            {
                await Console.Out.WriteLineAsync("usage: " + Commands[parsed.Verb].Usage).ConfigureAwait(false);
                return 0;
            }

            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                if (parsed.Verb != "serve")
                {
                    e.Cancel = true;
                    cancellation.Cancel();
                }
            };

            return parsed.Verb switch
            {
                "serve" => await ServiceHost.RunAsync(parsed).ConfigureAwait(false),
                "sync" => await SyncCommand.RunAsync(parsed, cancellation.Token).ConfigureAwait(false),
                "contacts" => await ContactsCommand.RunAsync(parsed, cancellation.Token).ConfigureAwait(false),
                "followups" => await FollowupsCommand.RunAsync(parsed, cancellation.Token).ConfigureAwait(false),
                "evaluate" => await EvaluateCommand.RunAsync(parsed, cancellation.Token).ConfigureAwait(false),
                "emulator" => await EmulatorCommand.RunAsync(parsed, cancellation.Token).ConfigureAwait(false),
                "demo-fixture" => DemoFixtureCommand.Run(parsed),
                _ => throw new UsageException($"unknown command '{parsed.Verb}'"),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync("networksync: " + ex.Message + " (try --help)").ConfigureAwait(false);
            return 2;
        }
        catch (ExpectedFailureException ex)
        {
            await Console.Error.WriteLineAsync("networksync: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("networksync: cancelled").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException
            or Azure.Identity.AuthenticationFailedException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"networksync: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Microsoft.Kiota.Abstractions.ApiException ex)
        {
            await Console.Error.WriteLineAsync($"networksync: Graph answered {ex.ResponseStatusCode}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("NetworkSync: keeps a professional network warm from Microsoft 365 mail and calendar metadata.");
        output.WriteLine();
        foreach (var spec in Commands.Values)
        {
            output.WriteLine("  " + spec.Usage);
        }
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
