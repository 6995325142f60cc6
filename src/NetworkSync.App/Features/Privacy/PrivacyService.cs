using Hangfire;
using Microsoft.Graph.Models.ODataErrors;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.Context;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.App.Jobs;
using NetworkSync.Domain.Addresses;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Todo;

namespace NetworkSync.App.Features.Privacy;

/// <summary>
/// Retention, "forget this contact", "delete all my data" and the export, over the stored data and the
/// mailbox's To Do list. Every change is followed by invalidating the caches built on that data.
/// </summary>
public sealed partial class PrivacyService(
    SqliteDatabase database,
    ContactScoreCache scores,
    PersonIndexCache people,
    ActiveFollowUpCache followUps,
    PrivacyOptions options,
    FollowUpServiceOptions followUpOptions,
    RunMode mode,
    PrivacyGraph graph,
    TimeProvider time,
    ILogger<PrivacyService> logger,
    IRecurringJobManager? recurringJobs = null)
{
    private readonly PrivacyStore store = new(database);
    private readonly MailboxStore mailboxes = new(database);

    /// <summary>The oldest moment kept at <paramref name="now"/>, or null when retention is off.</summary>
    public DateTimeOffset? CutoffAt(DateTimeOffset now) => options.RetentionDays > 0 ? now - TimeSpan.FromDays(options.RetentionDays) : null;

    /// <summary>Applies retention to one mailbox at the clock's "now".</summary>
    public async Task<RetentionResult> ApplyRetentionAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (CutoffAt(time.GetUtcNow()) is not { } cutoff)
        {
            return new RetentionResult(0, 0, 0);
        }

        var result = await store.DeleteOlderThanAsync(mailbox.Id, cutoff, cancellationToken).ConfigureAwait(false);
        Invalidate(mailbox.Id);
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

        var owner = new MailboxIdentity(mailbox.Id, mailbox.Mail, mailbox.Aliases.Split(';', StringSplitOptions.RemoveEmptyEntries));
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

        var tasks = await store.TaskIdsNamingAsync(mailbox.Id, addresses, cancellationToken).ConfigureAwait(false);
        await DeleteTodoAsync(mailbox, tasks, deleteList: false, cancellationToken).ConfigureAwait(false);
        var result = await store.ForgetAsync(mailbox.Id, addresses, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Invalidate(mailbox.Id);
        LogForgotten(logger, mailbox.Id, addresses.Count, result.MessagesRewritten + result.MessagesDropped, result.EventsRewritten + result.EventsDropped, result.FollowUps);
        return ForgetOutcome.Forgotten;
    }

    /// <summary>
    /// Deletes everything stored for the mailbox: its To Do tasks and list (when To Do is on), its recurring
    /// jobs, then every row in every table (<see cref="PrivacyStore.MailboxTables"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> DeleteAllAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var links = await store.TodoLinksAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        await DeleteTodoAsync(mailbox, links.TaskIds, deleteList: true, cancellationToken).ConfigureAwait(false);
        recurringJobs?.RemoveIfExists(MailboxSyncJob.JobId(mailbox.Id));
        recurringJobs?.RemoveIfExists(FollowUpJob.JobId(mailbox.Id));
        var counts = await store.DeleteMailboxAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        Invalidate(mailbox.Id);
        LogDeleted(logger, mailbox.Id, counts.Values.Sum());
        return counts;
    }

    /// <summary>Writes the mailbox's export (see <see cref="PrivacyExport"/>) to <paramref name="output"/>.</summary>
    public async Task ExportAsync(MailboxRow mailbox, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var contacts = await scores.GetAsync(mailbox, time.GetUtcNow(), includeAutomated: true, cancellationToken).ConfigureAwait(false);
        await PrivacyExport.WriteAsync(database, mailbox, contacts, time.GetUtcNow(), output, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteTodoAsync(MailboxRow mailbox, IReadOnlyList<string> taskIds, bool deleteList, CancellationToken cancellationToken)
    {
        var settings = await new MailboxSettingsStore(database).GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
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
            catch (ODataError ex) when (ex.ResponseStatusCode == StatusCodes.Status404NotFound)
            {
                // Already gone: the outcome wanted.
            }
        }
    }

    private void Invalidate(string mailboxId)
    {
        scores.Invalidate(mailboxId);
        followUps.Invalidate(mailboxId);

        // PersonIndexCache keys on the scoring instance, so the scores' invalidation renews it too.
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention for mailbox {Mailbox}: {Messages} messages, {Events} events, {FollowUps} follow-ups deleted")]
    private static partial void LogRetention(ILogger logger, string mailbox, int messages, int events, int followUps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} forgot a person ({Addresses} addresses): {Messages} messages, {Events} events changed, {FollowUps} follow-ups deleted")]
    private static partial void LogForgotten(ILogger logger, string mailbox, int addresses, int messages, int events, int followUps);

    [LoggerMessage(Level = LogLevel.Information, Message = "All data of mailbox {Mailbox} deleted ({Rows} rows)")]
    private static partial void LogDeleted(ILogger logger, string mailbox, int rows);
}
