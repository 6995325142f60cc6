using Hangfire;
using NetworkSync.Application.Contacts;
using NetworkSync.Storage;

namespace NetworkSync.App.Jobs;

/// <summary>
/// The daily Hangfire job that refits every mailbox's warmth model on its own history and refreshes
/// "How well NetworkSync knows your network" (its backtest). Between runs a mailbox's model is refitted
/// on demand when its history has grown by a fifth (so after the first sync) or a day has passed
/// (<see cref="MailboxWarmthModels"/>). A mailbox whose fit fails keeps the built-in weights and is
/// logged; it never stops the others or any sync.
/// </summary>
public sealed partial class WarmthModelJob(
    MailboxStore mailboxes,
    ContactListingService scorer,
    ContactScoreCache scores,
    NetworkKnowledgeService knowledge,
    TimeProvider time,
    ILogger<WarmthModelJob> logger)
{
    public const string JobId = "warmth-model";

    /// <summary>Registers (or updates) the daily run, at 03:30 UTC by default.</summary>
    public static void Schedule(IRecurringJobManager recurringJobs, string cron = "30 3 * * *")
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        recurringJobs.AddOrUpdate<WarmthModelJob>(JobId, job => job.RunAsync(CancellationToken.None), cron);
    }

    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var mailbox in await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var now = time.GetUtcNow();
                var activity = await scorer.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
                var interactions = ContactListingService.InteractionsAt(activity, now).Where(i => i.At <= now).ToList();
                var model = scorer.Models.Refit(mailbox.Id, interactions, now, scorer.OptionsFor(activity));
                scores.Invalidate(mailbox.Id);
                var measured = await knowledge.GetAsync(mailbox, now, refresh: true, cancellationToken).ConfigureAwait(false);
                LogFitted(mailbox.Id, model.Source.ToString(), model.Reason, measured.Backtest.Auc);
            }
#pragma warning disable CA1031 // One mailbox's failure must not stop the others: logged, and its scores keep the previous model.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(e, mailbox.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmth model for mailbox {MailboxId}: {Source} ({Reason}); backtest AUC {Auc}")]
    private partial void LogFitted(string mailboxId, string source, string reason, double? auc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warmth model refit failed for mailbox {MailboxId}; its scores keep the previous model")]
    private partial void LogFailed(Exception exception, string mailboxId);
}
