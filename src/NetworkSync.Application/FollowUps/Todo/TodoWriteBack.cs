using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Todo;

namespace NetworkSync.Application.FollowUps.Todo;

/// <summary>
/// Mirrors a mailbox's follow-ups into a To Do list, both ways, without ever making a duplicate task:
/// <list type="number">
/// <item>find (or create) the list, remembering its id;</item>
/// <item>read To Do's changes since last time (delta): tasks completed or deleted there complete or dismiss
/// their follow-up, and a task carrying one of our follow-up ids that we have no record of (its create
/// answer was lost) is adopted instead of created again;</item>
/// <item>push every follow-up whose task is behind: create (recording the attempt first), update, complete or delete.</item>
/// </list>
/// A create is sent at most once per pass, between two delta reads, so a create whose answer was lost is
/// found by the read after it (or the next pass's) before another is ever sent.
/// </summary>
public sealed partial class TodoWriteBack(
    FollowUpStore store,
    MailboxStore mailboxes,
    FollowUpRunner runner,
    FollowUpServiceOptions options,
    TimeProvider time,
    ILogger<TodoWriteBack> logger) : IDisposable
{
    private const string StateKey = SyncStateKeys.Todo;

    private readonly KeyedLocks passes = new();

    public async Task<TodoSyncSummary> RunAsync(TodoClient client, MailboxRow mailbox, FollowUpPreferences preferences, CancellationToken cancellationToken)
    {
        using var _ = await passes.AcquireAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        var tally = new Tally();
        try
        {
            var listId = await PullAsync(client, mailbox.Id, tally, cancellationToken).ConfigureAwait(false);
            if (await PushAsync(client, mailbox.Id, listId, preferences.Schedule, tally, cancellationToken).ConfigureAwait(false) > 0)
            {
                // Read our own writes back: the delta token then covers the new tasks (so a later delete in
                // To Do is reported), and a create whose answer was lost is adopted right away.
                await PullAsync(client, mailbox.Id, tally, cancellationToken).ConfigureAwait(false);
            }

            var inDoubt = await store.CountCreatesInDoubtAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
            return tally.ToSummary(inDoubt == 0 ? null : $"{inDoubt} To Do task(s) could not be confirmed as created; the next pass finds or creates them");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = Describe(ex);
            LogFailed(logger, mailbox.Id, reason);
            return tally.ToSummary(reason);
        }
    }

    /// <summary>Finds the list and applies To Do's changes; returns the list id.</summary>
    private async Task<string> PullAsync(TodoClient client, string mailboxId, Tally tally, CancellationToken cancellationToken)
    {
        var state = await mailboxes.GetSyncStateAsync(mailboxId, StateKey, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var listId = state?.ResourceId;
            if (listId is null)
            {
                listId = await client.FindListAsync(mailboxId, options.TodoListName, cancellationToken).ConfigureAwait(false)
                    ?? await client.CreateListAsync(mailboxId, options.TodoListName, cancellationToken).ConfigureAwait(false);
                state = new SyncStateRow { MailboxId = mailboxId, Collection = StateKey, ResourceId = listId, UpdatedMs = Now };
                await mailboxes.SaveSyncStateAsync(state, cancellationToken).ConfigureAwait(false);
            }

            TodoChanges changes;
            try
            {
                changes = await client.ReadChangesAsync(mailboxId, listId, state!.DeltaLink, cancellationToken).ConfigureAwait(false);
            }
            catch (TodoListMissingException) when (attempt == 0)
            {
                // The user deleted the list: every task link died with it. Start over with a new list.
                LogListMissing(logger, mailboxId);
                await store.ForgetAllTasksAsync(mailboxId, cancellationToken).ConfigureAwait(false);
                state = null;
                continue;
            }

            foreach (var change in changes.Tasks)
            {
                await ApplyAsync(mailboxId, change, tally, cancellationToken).ConfigureAwait(false);
            }

            // Only now that the changes are applied is the next delta link kept: a crash replays them.
            state.DeltaLink = changes.DeltaLink;
            state.UpdatedMs = Now;
            await mailboxes.SaveSyncStateAsync(state, cancellationToken).ConfigureAwait(false);
            return listId;
        }
    }

    private async Task ApplyAsync(string mailboxId, TodoTaskChange change, Tally tally, CancellationToken cancellationToken)
    {
        var row = await store.FindByTaskAsync(mailboxId, change.TaskId, cancellationToken).ConfigureAwait(false);
        if (row is null && change.ExternalId is { } followUpId && !change.Removed)
        {
            // One of ours that we never heard back about: adopt it (and push our state to it next).
            row = await store.FindRowAsync(mailboxId, followUpId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return;
            }

            if (row.TodoTaskId is not null && row.TodoTaskId != change.TaskId)
            {
                return;
            }

            await store.LinkAsync(mailboxId, row.Id, change.TaskId, 0, cancellationToken).ConfigureAwait(false);
            row = await store.FindRowAsync(mailboxId, row.Id, cancellationToken).ConfigureAwait(false);
            tally.Adopted++;
        }

        if (row is null)
        {
            return;
        }

        // The user's word in To Do counts only when NetworkSync has no newer change of its own to send.
        var settled = row.Version == row.TodoPushedVersion;
        if (change.Removed)
        {
            await store.UnlinkAsync(mailboxId, row.Id, row.TodoPushedVersion, cancellationToken).ConfigureAwait(false);
            if (await SettleAsync(mailboxId, row.Id, r => r.IsActive ? FollowUpLifecycle.Dismiss(r, time.GetUtcNow(), FollowUpResolution.TodoDeleted) : null, cancellationToken).ConfigureAwait(false))
            {
                tally.RemovedInTodo++;
            }
        }
        else if (change.Completed && settled
            && await SettleAsync(mailboxId, row.Id, r => r.IsActive ? FollowUpLifecycle.Complete(r, time.GetUtcNow(), FollowUpResolution.TodoCompleted) : null, cancellationToken).ConfigureAwait(false))
        {
            tally.CompletedInTodo++;
        }
    }

    /// <summary>Changes a follow-up because of To Do; the task already says so, so nothing is pushed back.</summary>
    private async Task<bool> SettleAsync(string mailboxId, string id, Func<FollowUpRecord, FollowUpRecord?> change, CancellationToken cancellationToken)
    {
        FollowUpRecord? changed = null;
        await runner.ChangeAsync(mailboxId, id, r => changed = change(r), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (changed is null)
        {
            return false;
        }

        var row = await store.FindRowAsync(mailboxId, id, cancellationToken).ConfigureAwait(false);
        if (row is not null)
        {
            await store.MarkPushedAsync(mailboxId, id, row.Version, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Brings every task that is behind up to date; returns how many writes were sent.</summary>
    private async Task<int> PushAsync(TodoClient client, string mailboxId, string listId, WorkingSchedule schedule, Tally tally, CancellationToken cancellationToken)
    {
        var writes = 0;
        foreach (var row in await store.ListTodoWorkAsync(mailboxId, cancellationToken).ConfigureAwait(false))
        {
            var record = FollowUpMapper.ToRecord(row);
            var content = TodoTaskContentFactory.For(record, schedule);
            if (row.TodoTaskId is null)
            {
                if (!record.IsActive)
                {
                    // Nothing to mirror; and a create still in doubt would have shown up in this pass's delta.
                    await store.UnlinkAsync(mailboxId, row.Id, row.Version, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await store.MarkCreatePendingAsync(mailboxId, row.Id, cancellationToken).ConfigureAwait(false);
                writes++;
                try
                {
                    var taskId = await client.CreateTaskAsync(mailboxId, listId, content, cancellationToken).ConfigureAwait(false);
                    await store.LinkAsync(mailboxId, row.Id, taskId, row.Version, cancellationToken).ConfigureAwait(false);
                    tally.Created++;
                }
                catch (Exception ex) when (ex is not TodoListMissingException and not OperationCanceledException)
                {
                    // The task may or may not exist now; the delta read after the pushes tells. Go on with the others.
                    LogCreateInDoubt(logger, mailboxId, row.Id, Describe(ex));
                }

                continue;
            }

            writes++;
            if (record.Status == FollowUpStatus.Withdrawn)
            {
                await client.DeleteTaskAsync(mailboxId, listId, row.TodoTaskId, cancellationToken).ConfigureAwait(false);
                await store.UnlinkAsync(mailboxId, row.Id, row.Version, cancellationToken).ConfigureAwait(false);
                tally.Deleted++;
            }
            else if (await client.UpdateTaskAsync(mailboxId, listId, row.TodoTaskId, content, cancellationToken).ConfigureAwait(false))
            {
                await store.MarkPushedAsync(mailboxId, row.Id, row.Version, cancellationToken).ConfigureAwait(false);
                tally.Updated++;
            }
            else
            {
                // Deleted in To Do since the delta read: the same as seeing it removed.
                await ApplyAsync(mailboxId, new TodoTaskChange(row.TodoTaskId, Removed: true, Completed: false, ExternalId: row.Id), tally, cancellationToken).ConfigureAwait(false);
            }
        }

        return writes;
    }

    public void Dispose() => passes.Dispose();

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Describe(Exception ex) => ex switch
    {
        Microsoft.Graph.Models.ODataErrors.ODataError odata => $"Graph error {odata.ResponseStatusCode} {odata.Error?.Code}",
        Microsoft.Kiota.Abstractions.ApiException api => $"Graph answered {api.ResponseStatusCode}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private sealed class Tally
    {
        public int Created { get; set; }

        public int Updated { get; set; }

        public int Deleted { get; set; }

        public int Adopted { get; set; }

        public int CompletedInTodo { get; set; }

        public int RemovedInTodo { get; set; }

        public TodoSyncSummary ToSummary(string? error) => new(Created, Updated, Deleted, Adopted, CompletedInTodo, RemovedInTodo, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "To Do write-back for mailbox {Mailbox} stopped: {Reason}; the next pass resumes")]
    private static partial void LogFailed(ILogger logger, string mailbox, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The To Do list of mailbox {Mailbox} is gone; creating it again")]
    private static partial void LogListMissing(ILogger logger, string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "To Do create for follow-up {FollowUp} of mailbox {Mailbox} is in doubt: {Reason}")]
    private static partial void LogCreateInDoubt(ILogger logger, string mailbox, string followUp, string reason);
}
