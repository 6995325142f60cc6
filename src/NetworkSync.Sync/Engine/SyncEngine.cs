using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Http;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// Syncs mailboxes' mail and calendar metadata from Graph into the store. Each mailbox's collections
/// run side by side (the concurrency handler keeps them within Graph's per-mailbox limit); a failing
/// collection marks its mailbox failed with the reason and never stops the other mailboxes.
/// </summary>
public sealed partial class SyncEngine
{
    /// <summary>How failed syncs are retried; the schedule reads what this records (MailboxRow.NextAttemptMs).</summary>
    public static SyncFailurePolicy FailurePolicy => SyncFailurePolicy.Default;

    private static readonly string[] UserFields = ["id", "mail", "userPrincipalName", "displayName", "proxyAddresses"];

    private readonly GraphConnection graph;
    private readonly GraphOptions options;
    private readonly MailboxStore mailboxes;
    private readonly MetadataWriter writer;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;

    public SyncEngine(GraphConnection graph, GraphOptions options, MailboxStore mailboxes, MetadataWriter writer, TimeProvider time, ILoggerFactory loggerFactory)
    {
        this.graph = graph;
        this.options = options;
        this.time = time;
        this.loggerFactory = loggerFactory;
        this.mailboxes = mailboxes;
        this.writer = writer;
        logger = loggerFactory.CreateLogger<SyncEngine>();
    }

    /// <summary>
    /// Finds the mailboxes to sync (configured ones, or every user with a mailbox) and records them, leaving
    /// out the users who deleted their data (<see cref="OptOutStore"/>): those are neither stored nor returned.
    /// </summary>
    public async Task<IReadOnlyList<MailboxRow>> DiscoverMailboxesAsync(CancellationToken cancellationToken)
    {
        var users = new List<User>();
        if (options.Mailboxes.Count > 0)
        {
            foreach (var key in options.Mailboxes)
            {
                var user = await graph.Client.Users[key].GetAsync(c => c.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
                if (user is not null)
                {
                    users.Add(user);
                }
            }
        }
        else if (options.AuthMode == GraphAuthMode.DeviceCode)
        {
            var me = await graph.Client.Me.GetAsync(c => c.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
            if (me is not null)
            {
                users.Add(me);
            }
        }
        else
        {
            var page = await graph.Client.Users.GetAsync(
                c =>
                {
                    c.QueryParameters.Select = UserFields;
                    c.QueryParameters.Top = 999;
                },
                cancellationToken).ConfigureAwait(false);
            while (page is not null)
            {
                users.AddRange(page.Value ?? []);
                if (page.OdataNextLink is not { } next)
                {
                    break;
                }

                if (!GraphHostGuardHandler.IsSameAuthority(new Uri(next), graph.BaseUrl))
                {
                    throw new ForeignHostException("Graph returned a users nextLink to a foreign host; refusing to follow it.");
                }

                page = await graph.Client.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        var result = new List<MailboxRow>();
        var optedOut = 0;
        foreach (var user in users)
        {
            var mail = EmailAddressNormalizer.Normalize(user.Mail) ?? EmailAddressNormalizer.Normalize(user.UserPrincipalName);
            if (user.Id is null || mail is null)
            {
                continue;
            }

            var identity = new MailboxIdentity(user.Id, mail, MailboxIdentity.SmtpAddressesFrom(user.ProxyAddresses));
            var row = new MailboxRow
            {
                Id = user.Id,
                Mail = mail,
                UserPrincipalName = user.UserPrincipalName?.ToLowerInvariant(),
                DisplayName = user.DisplayName,
                Aliases = string.Join(';', identity.Addresses.Where(a => a != mail).Order(StringComparer.Ordinal)),
            };
            // A user who deleted their data stays out, even when named in Graph:Mailboxes, until they resume.
            if (!await mailboxes.UpsertMailboxAsync(row, cancellationToken).ConfigureAwait(false))
            {
                optedOut++;
                continue;
            }

            result.Add(row);
        }

        if (optedOut > 0)
        {
            LogOptedOutSkipped(logger, optedOut);
        }

        return result;
    }

    public async Task<MailboxSyncResult> SyncMailboxAsync(MailboxRow mailbox, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        await mailboxes.RecordSyncStartedAsync(mailbox.Id, started, cancellationToken).ConfigureAwait(false);
        var runner = new DeltaCollectionRunner(graph.Client.RequestAdapter, graph.BaseUrl, mailboxes, time, loggerFactory.CreateLogger<DeltaCollectionRunner>());
        var collections = new List<IDeltaCollection>();
        foreach (var folder in options.MailFolders.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            collections.Add(new MessageFolderCollection(graph.Client, mailbox.Id, folder.ToLowerInvariant(), options.PageSize, options.ReadListHeaders, writer, loggerFactory.CreateLogger<MessageFolderCollection>()));
        }

        collections.Add(new CalendarCollection(
            graph.Client,
            mailbox.Id,
            options.PageSize,
            started.AddDays(-options.CalendarPastDays),
            started.AddDays(options.CalendarFutureDays),
            TimeSpan.FromDays(options.CalendarRebaseDays),
            writer,
            loggerFactory.CreateLogger<CalendarCollection>()));

        CollectionSyncResult[] results;
        try
        {
            results = await Task.WhenAll(collections.Select(c => runner.RunAsync(mailbox.Id, c, progress, cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await mailboxes.RecordSyncCancelledAsync(mailbox.Id, "The sync was cancelled before it finished.", CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var result = new MailboxSyncResult(mailbox.Id, mailbox.Mail, results);
        var completed = time.GetUtcNow();
        if (result.FailureKind is { } kind)
        {
            await mailboxes.RecordSyncFailedAsync(mailbox.Id, kind, result.Error ?? kind.ToWire(), completed, FailurePolicy, CancellationToken.None).ConfigureAwait(false);
            LogMailboxFailed(logger, mailbox.Id, kind.ToWire(), result.Error, SyncFailureAdvice.WhatToDo(kind));
        }
        else
        {
            await mailboxes.RecordSyncSucceededAsync(mailbox.Id, completed, CancellationToken.None).ConfigureAwait(false);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            LogMailboxSynced(logger, mailbox.Id, result.Succeeded, result.Messages, result.Events, (time.GetUtcNow() - started).TotalSeconds);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of mailbox {Mailbox} failed ({FailureKind}): {Reason}. {WhatToDo}")]
    private static partial void LogMailboxFailed(ILogger logger, string mailbox, string failureKind, string? reason, string whatToDo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory listing: {Count} users who deleted their data left out")]
    private static partial void LogOptedOutSkipped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} synced (ok: {Succeeded}): {Messages} messages, {Events} events written in {Seconds:0.00} s")]
    private static partial void LogMailboxSynced(ILogger logger, string mailbox, bool succeeded, int messages, int events, double seconds);
}
