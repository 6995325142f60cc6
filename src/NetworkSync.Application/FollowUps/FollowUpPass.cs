using NetworkSync.Application.FollowUps.Todo;
using NetworkSync.Application.Sync;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync;
using NetworkSync.Sync.Todo;

namespace NetworkSync.Application.FollowUps;

/// <summary>
/// One follow-up pass for a mailbox: its settings, the rules at "now" (the clock the process runs on,
/// so --as-of holds), then To Do write-back when it is on. Runs after every sync and on a schedule.
/// </summary>
public sealed partial class FollowUpPass(
    OutlookSettingsRefresher settings,
    FollowUpRunner runner,
    TodoWriteBack todo,
    FollowUpServiceOptions options,
    RunMode mode,
    TimeProvider time,
    ILogger<FollowUpPass> logger) : IAfterMailboxSync
{
    public async Task RunAsync(MailboxRow mailbox, GraphConnection graph, CancellationToken cancellationToken) =>
        await RunPassAsync(mailbox, graph, cancellationToken).ConfigureAwait(false);

    public async Task<FollowUpPassResult> RunPassAsync(MailboxRow mailbox, GraphConnection? graph, CancellationToken cancellationToken)
    {
        var row = await settings.GetAsync(mailbox, graph, cancellationToken).ConfigureAwait(false);
        var preferences = FollowUpPreferences.Resolve(row, options, mode.Demo);
        var rules = await runner.RunAsync(mailbox, preferences, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogRules(logger, mailbox.Id, rules.Created, rules.Settled, rules.Withdrawn, rules.Updated);
        TodoSyncSummary? todoSummary = null;
        if (preferences.TodoEnabled && mode.TodoAvailable && graph is not null)
        {
            todoSummary = await todo.RunAsync(new TodoClient(graph, time), mailbox, preferences, cancellationToken).ConfigureAwait(false);
            LogTodo(logger, mailbox.Id, todoSummary.Created, todoSummary.Updated, todoSummary.Deleted, todoSummary.Adopted, todoSummary.CompletedInTodo, todoSummary.RemovedInTodo);
        }

        return new FollowUpPassResult(rules, todoSummary);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-ups for mailbox {Mailbox}: {Created} new, {Settled} settled, {Withdrawn} withdrawn, {Updated} updated")]
    private static partial void LogRules(ILogger logger, string mailbox, int created, int settled, int withdrawn, int updated);

    [LoggerMessage(Level = LogLevel.Information, Message = "To Do for mailbox {Mailbox}: {Created} created, {Updated} updated, {Deleted} deleted, {Adopted} adopted, {Completed} completed there, {Removed} removed there")]
    private static partial void LogTodo(ILogger logger, string mailbox, int created, int updated, int deleted, int adopted, int completed, int removed);
}
