using System.Text.Json;
using NetworkSync.App.Features;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync followups`: the mailbox's follow-ups. The follow-up rules come with their own issue;
/// until then the list is honestly empty (the mailbox and database are still validated).
/// </summary>
public static class FollowupsCommand
{
    public static async Task<int> RunAsync(ParsedArguments args, CancellationToken cancellationToken)
    {
        _ = CliServices.ClockFor(args);
        using var database = await CliServices.OpenExistingAsync(args.Get("--db")!, cancellationToken).ConfigureAwait(false);
        _ = await ContactsCommand.FindMailboxAsync(database, args.Get("--mailbox")!, cancellationToken).ConfigureAwait(false);
        var followUps = new List<FollowUpView>();
        if (args.Has("--json"))
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(followUps, AppJsonContext.Default.ListFollowUpView)).ConfigureAwait(false);
        }
        else
        {
            await Console.Out.WriteLineAsync("No follow-ups.").ConfigureAwait(false);
        }

        return 0;
    }
}
