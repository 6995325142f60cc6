using System.Globalization;
using System.Text.Json;
using NetworkSync.Application;
using NetworkSync.Application.FollowUps;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync followups`: brings the mailbox's follow-ups up to --as-of (the same rules the service
/// runs, from what is stored; no Graph calls) and prints them, soonest due first. Withdrawn ones (their
/// meeting was cancelled) are not shown.
/// </summary>
public static class FollowupsCommand
{
    public static async Task<int> RunAsync(FollowupsArguments args, CancellationToken cancellationToken)
    {
        var time = CliServices.ClockFor(args.AsOf);
        await using var services = await CliServices.OpenExistingAsync(args.Database, time, new RunMode(Demo: false, TodoAvailable: false), cancellationToken).ConfigureAwait(false);
        var mailbox = await ContactsCommand.FindMailboxAsync(services.GetRequiredService<MailboxStore>(), args.Mailbox, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<FollowUpPass>().RunPassAsync(mailbox, graph: null, cancellationToken).ConfigureAwait(false);

        var asOf = time.GetUtcNow();
        var views = await services.GetRequiredService<FollowUpQuery>().ListAsync(mailbox.Id, asOf, FollowUpFilter.All, cancellationToken).ConfigureAwait(false);
        if (args.Json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(views, AppJsonContext.Default.ListFollowUpView)).ConfigureAwait(false);
            return 0;
        }

        if (views.Count == 0)
        {
            await Console.Out.WriteLineAsync("No follow-ups.").ConfigureAwait(false);
        }

        foreach (var view in views)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{view.Due:yyyy-MM-dd HH:mm}Z  {view.Status,-9} {view.Kind,-14} {view.Title}")).ConfigureAwait(false);
        }

        return 0;
    }
}
