using Microsoft.Graph.Models.ODataErrors;
using NetworkSync.Application.Common;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.Context;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Notifications;
using NetworkSync.Application.Sync;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Privacy;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Todo;

namespace NetworkSync.Application.Privacy;

/// <summary>
/// Retention, "forget this contact", "delete all my data" and the export, over the stored data and the
/// mailbox's To Do list. Every change is followed by invalidating the caches built on that data. Retention
/// and "delete all" run under the mailbox's sync lock (when the host syncs), so neither races a sync or a
/// follow-up pass that would write back what they delete.
/// </summary>
public sealed partial class PrivacyService(
    NetworkSyncDatabase database,
    PrivacyStore store,
    MailboxStore mailboxes,
    OptOutStore optOuts,
    MailboxSettingsStore settingsStore,
    ContactOverrideStore overrideStore,
    MetadataReader reader,
    ContactScoreCache scores,
    PersonIndexCache people,
    ActiveFollowUpCache followUps,
    OrganisationIntroductionService organisation,
    PrivacyOptions options,
    FollowUpServiceOptions followUpOptions,
    RunMode mode,
    PrivacyGraph graph,
    TimeProvider time,
    ILogger<PrivacyService> logger,
    IJobScheduler jobs,
    SyncCoordinator coordinator,
    IMailboxSubscriptions subscriptions)
{

    /// <summary>The oldest moment kept at <paramref name="now"/>, or null when retention is off.</summary>
    public DateTimeOffset? CutoffAt(DateTimeOffset now) => new RetentionPolicy(options.RetentionDays).CutoffAt(now);

    /// <summary>
    /// Applies retention to one mailbox at the clock's "now", deleting the To Do tasks of the follow-ups it
    /// deletes (when To Do is on), as forgetting a person does.
    /// </summary>
    public async Task<RetentionResult> ApplyRetentionAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (CutoffAt(time.GetUtcNow()) is not { } cutoff)
        {
            return new RetentionResult(0, 0, 0);
        }

        // Under the sync lock, so no follow-up pass re-links (or re-creates) a task between the two steps;
        // the follow-ups' To Do tasks go first, as forgetting does, so a failure there deletes nothing.
        var result = await ExclusiveAsync(
            mailbox.Id,
            async ct =>
            {
                var tasks = await store.TaskIdsOlderThanAsync(mailbox.Id, cutoff, ct).ConfigureAwait(false);
                await DeleteTodoAsync(mailbox, tasks, deleteList: false, ct).ConfigureAwait(false);
                return await store.DeleteOlderThanAsync(mailbox.Id, cutoff, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        Invalidate(mailbox.Id, forgetModel: result.Messages + result.Events > 0);
        LogRetention(logger, mailbox.Id, result.Messages, result.Events, result.FollowUps);
        return result;
    }

    /// <summary>Applies retention to every stored mailbox.</summary>
    public async Task ApplyRetentionToAllAsync(CancellationToken cancellationToken)
    {
        foreach (var mailbox in await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false))
        {
            await ApplyRetentionAsync(mailbox, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Forgets the person behind <paramref name="address"/> (every address merged into them): their To Do
    /// tasks first, then the stored data (see <see cref="PrivacyStore.ForgetAsync"/>).
    /// </summary>
    public async Task<ForgetOutcome> ForgetAsync(MailboxRow mailbox, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized)
        {
            return ForgetOutcome.NotAnAddress;
        }

        var owner = mailbox.Identity();
        if (owner.IsOwn(normalized))
        {
            return ForgetOutcome.OwnAddress;
        }

        var index = await people.GetAsync(mailbox, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var addresses = new HashSet<string>(StringComparer.Ordinal) { normalized };
        if (index.PersonOf(normalized) is { } person)
        {
            addresses.UnionWith(PersonIndex.AddressesOf(person).Where(a => !owner.IsOwn(a)));
        }

        // Under the sync lock (and lease), as retention: on PostgreSQL no write gate stops a page that read the
        // forgotten list before this from committing the person's rows after it.
        var result = await ExclusiveAsync(
            mailbox.Id,
            async ct =>
            {
                var tasks = await store.TaskIdsNamingAsync(mailbox.Id, addresses, ct).ConfigureAwait(false);
                await DeleteTodoAsync(mailbox, tasks, deleteList: false, ct).ConfigureAwait(false);
                return await store.ForgetAsync(mailbox.Id, addresses, time.GetUtcNow(), ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        Invalidate(mailbox.Id);
        LogForgotten(logger, mailbox.Id, addresses.Count, result.MessagesRewritten + result.MessagesDropped, result.EventsRewritten + result.EventsDropped, result.FollowUps);
        return ForgetOutcome.Forgotten;
    }

    /// <summary>
    /// Deletes everything stored for the mailbox and opts its user out of syncing: its To Do tasks and list
    /// (when To Do is on), its recurring jobs, then every row in every table
    /// (<see cref="PrivacyStore.MailboxTables"/>) with the opt-out recorded in the same transaction. All of it
    /// runs under the mailbox's sync lock (<see cref="SyncCoordinator.RunExclusiveAsync"/>): a sync in flight
    /// finishes first, and a sync waiting for the lock finds the mailbox gone and skips it. Until
    /// <see cref="ResumeSyncAsync"/>, no directory listing stores the mailbox again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> DeleteAllAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var counts = await ExclusiveAsync(
            mailbox.Id,
            async ct =>
            {
                var links = await store.TodoLinksAsync(mailbox.Id, ct).ConfigureAwait(false);
                await DeleteTodoAsync(mailbox, links.TaskIds, deleteList: true, ct).ConfigureAwait(false);
                jobs.RemoveMailboxJobs(mailbox.Id);
                await subscriptions.RemoveMailboxAsync(mailbox.Id, ct).ConfigureAwait(false);

                return await store.DeleteMailboxAsync(mailbox.Id, time.GetUtcNow(), ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        Invalidate(mailbox.Id, forgetModel: true);
        LogDeleted(logger, mailbox.Id, counts.Values.Sum());
        return counts;
    }

    /// <summary>
    /// Lifts the opt-out <see cref="DeleteAllAsync"/> recorded: <paramref name="userId"/>'s (a Graph user id),
    /// or every one when it is null (local mode, where one person runs it). When one was lifted, the next
    /// sync lists the directory again, and so finds the mailbox and syncs it from scratch; in the service
    /// that sync is queued at once (<see cref="IJobScheduler.QueueDirectorySync"/>). Returns whether anything was lifted.
    /// </summary>
    public async Task<bool> ResumeSyncAsync(string? userId, CancellationToken cancellationToken)
    {
        var lifted = await optOuts.LiftAsync(userId, cancellationToken).ConfigureAwait(false);
        if (lifted > 0)
        {
            await mailboxes.DeleteSyncStateAsync(SyncCoordinator.DirectoryStateKey, SyncCoordinator.DirectoryStateKey, cancellationToken).ConfigureAwait(false);

            // In the service, at once rather than at the next daily directory sync.
            jobs.QueueDirectorySync();
        }

        LogResumed(logger, lifted);
        return lifted > 0;
    }

    /// <summary>Writes the mailbox's export (see <see cref="PrivacyExport"/>) to <paramref name="output"/>.</summary>
    public async Task ExportAsync(MailboxRow mailbox, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var contacts = await scores.GetAsync(mailbox, time.GetUtcNow(), includeAutomated: true, cancellationToken).ConfigureAwait(false);
        await PrivacyExport.WriteAsync(database, reader, settingsStore, overrideStore, mailbox, contacts, time.GetUtcNow(), output, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteTodoAsync(MailboxRow mailbox, IReadOnlyList<string> taskIds, bool deleteList, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        if (!FollowUpPreferences.Resolve(settings, followUpOptions, mode.Demo).TodoEnabled || !mode.TodoAvailable)
        {
            return;
        }

        var listId = (await store.TodoLinksAsync(mailbox.Id, cancellationToken).ConfigureAwait(false)).ListId;
        if (listId is null || graph.Connection is not { } connection)
        {
            return;
        }

        var client = new TodoClient(connection, time);
        foreach (var taskId in taskIds)
        {
            await client.DeleteTaskAsync(mailbox.Id, listId, taskId, cancellationToken).ConfigureAwait(false);
        }

        if (deleteList)
        {
            try
            {
                await connection.Client.Users[mailbox.Id].Todo.Lists[listId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError ex) when (ex.ResponseStatusCode == (int)System.Net.HttpStatusCode.NotFound)
            {
                // Already gone: the outcome wanted.
            }
        }
    }

    /// <summary>Runs under the coordinator's per-mailbox lock.</summary>
    private async Task<T> ExclusiveAsync<T>(string mailboxId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        T result = default!;
        await coordinator.RunExclusiveAsync(mailboxId, async ct => result = await work(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <param name="forgetModel">The mailbox's warmth model was learnt from deleted data (its stored row went with it).</param>
    private void Invalidate(string mailboxId, bool forgetModel = false)
    {
        if (forgetModel)
        {
            scores.Forget(mailboxId);
        }

        scores.Invalidate(mailboxId);
        followUps.Invalidate(mailboxId);

        // A deleted mailbox's consent went with its settings row; a forgotten person leaves colleagues' answers too.
        organisation.Invalidate();

        // PersonIndexCache keys on the scoring instance, so the scores' invalidation renews it too.
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention for mailbox {Mailbox}: {Messages} messages, {Events} events, {FollowUps} follow-ups deleted")]
    private static partial void LogRetention(ILogger logger, string mailbox, int messages, int events, int followUps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} forgot a person ({Addresses} addresses): {Messages} messages, {Events} events changed, {FollowUps} follow-ups deleted")]
    private static partial void LogForgotten(ILogger logger, string mailbox, int addresses, int messages, int events, int followUps);

    [LoggerMessage(Level = LogLevel.Information, Message = "All data of mailbox {Mailbox} deleted ({Rows} rows)")]
    private static partial void LogDeleted(ILogger logger, string mailbox, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync resumed: {Lifted} opt-outs lifted")]
    private static partial void LogResumed(ILogger logger, int lifted);
}
