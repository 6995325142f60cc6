using System.Globalization;
using System.Text.Json;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Evaluation;
using NetworkSync.Learning;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync evaluate --db <file> --mailbox <m> [--as-of] --json` (../shared/contracts/cli.md):
/// backtests the warmth model on the mailbox's own stored history. A history too thin for it prints
/// null figures with a reason and still exits 0.
/// </summary>
public static class EvaluateMailboxCommand
{
    public static async Task<int> RunAsync(EvaluateArguments args, CancellationToken cancellationToken)
    {
        if (args.Database is not { } db || args.Mailbox is not { } key)
        {
            throw new UsageException("evaluate: --db and --mailbox go together");
        }

        var time = CliServices.ClockFor(args.AsOf);
        var now = time.GetUtcNow();
        await using var services = await CliServices.OpenExistingAsync(db, time, new RunMode(Demo: false), cancellationToken).ConfigureAwait(false);
        var mailbox = await ContactsCommand.FindMailboxAsync(services.GetRequiredService<MailboxStore>(), key, cancellationToken).ConfigureAwait(false);
        var service = services.GetRequiredService<ContactListingService>();
        var activity = await service.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
        var interactions = ContactListingService.InteractionsAt(activity, now).Where(i => i.At <= now).ToList();
        var result = MailboxBacktest.Run(interactions, activity.BulkSenders, now, service.OptionsFor(activity));
        var view = BacktestView.From(mailbox.Mail, result);
        if (args.Json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(view, AppJsonContext.Default.BacktestView)).ConfigureAwait(false);
        }
        else
        {
            await Console.Out.WriteLineAsync(view.Auc is { } auc
                ? string.Create(CultureInfo.InvariantCulture, $"{view.Mailbox}: {view.Candidates} candidates over {view.Cutoffs.Count} cutoffs; AUC {auc:0.000}, AP {view.AveragePrecision:0.000}; recency {view.Baselines.Recency:0.000}, 365-day count {view.Baselines.Frequency365:0.000}, decayed count {view.Baselines.DecayedCount:0.000}")
                : $"{view.Mailbox}: no figures: {view.Reason}").ConfigureAwait(false);
        }

        return 0;
    }
}
