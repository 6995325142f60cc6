using System.CommandLine;
using System.Runtime.InteropServices;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>
/// The `networksync` command line (../shared/contracts/cli.md) on System.CommandLine: serve (default), sync,
/// contacts, followups, evaluate, plus the additions emulator and demo-fixture. Exit 0 ok, 1 failure, 2 usage error.
/// </summary>
public static class CommandLineApp
{
    public const string Description = "NetworkSync: keeps a professional network warm from Microsoft 365 mail and calendar metadata.";

    // Values are taken literally: no @response files, and no bundling (no verb has single-letter options).
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    // Exceptions reach the handlers below (exit 1 with one line, no stack trace), and Ctrl+C and SIGTERM are handled here:
    // the one-shot verbs cancel, serve leaves it to ASP.NET Core's graceful shutdown.
    private static readonly InvocationConfiguration Invocation = new() { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

    /// <summary>Every verb with its options; the root itself serves, as `networksync` with no verb always has.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(Description);
        ServeArguments.AddTo(root);
        var serve = new Command("serve", ServeArguments.Description);
        ServeArguments.AddTo(serve);
        root.Add(serve);
        root.Add(SyncArguments.CreateCommand());
        root.Add(ContactsArguments.CreateCommand());
        root.Add(IntrosArguments.CreateCommand());
        root.Add(FollowupsArguments.CreateCommand());
        root.Add(EvaluateArguments.CreateCommand());
        root.Add(EmulatorArguments.CreateCommand());
        root.Add(DemoFixtureArguments.CreateCommand());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = CreateRootCommand().Parse(WithHelpVerb(args), Parsing);
        if (parsed.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync("networksync: " + ParseErrorLine.For(parsed) + " (try --help)").ConfigureAwait(false);
            return 2;
        }

        try
        {
            var serving = parsed.CommandResult.Command is RootCommand or { Name: "serve" };
            using var cancellation = new CancellationTokenSource();

            // SIGTERM too (a container runtime's stop, a test harness), not only Ctrl+C: without this the
            // emulator verb's own web host took SIGTERM for itself and the verb waited on forever.
            using var interrupt = serving ? null : CancelOn(PosixSignal.SIGINT, cancellation);
            using var terminate = serving ? null : CancelOn(PosixSignal.SIGTERM, cancellation);

            return await parsed.InvokeAsync(Invocation, cancellation.Token).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync("networksync: " + ex.Message + " (try --help)").ConfigureAwait(false);
            return 2;
        }
        catch (StorageUnavailableException ex)
        {
            await Console.Error.WriteLineAsync("networksync: " + ex.Message).ConfigureAwait(false);
            return 1;
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
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException
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

    /// <summary>The signal cancels the one-shot verb's token instead of ending the process at once, so it can stop cleanly.</summary>
    private static PosixSignalRegistration CancelOn(PosixSignal signal, CancellationTokenSource cancellation) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

    /// <summary>`networksync help` has always printed the help; `help &lt;verb&gt;` is that verb's.</summary>
    private static string[] WithHelpVerb(string[] args) =>
        args is ["help", .. var rest] ? [.. rest, "--help"] : args;
}
