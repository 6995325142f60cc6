using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using NetworkSync.Domain.Metadata;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Mapping;

namespace NetworkSync.Sync.Engine;

/// <summary>Delta sync of one mail folder: <c>/users/{id}/mailFolders/{folder}/messages/delta</c> with $select.</summary>
internal sealed partial class MessageFolderCollection(
    GraphServiceClient client,
    string mailboxId,
    string folder,
    int pageSize,
    MetadataWriter writer,
    ILogger logger) : IDeltaCollection
{
    public string Name { get; } = "messages:" + folder;

    public RequestInformation InitialRequest() =>
        client.Users[mailboxId].MailFolders[folder].Messages.Delta.ToGetRequestInformation(config =>
        {
            config.QueryParameters.Select = GraphMessageJsonReader.SelectedFields;
            PreferHeaders.Apply(config.Headers, pageSize, utcTimes: false);
        });

    public RequestInformation LinkRequest(string link) =>
        client.Users[mailboxId].MailFolders[folder].Messages.Delta.WithUrl(link).ToGetRequestInformation(config =>
            PreferHeaders.Apply(config.Headers, pageSize, utcTimes: false));

    public async Task<(int Upserted, int Removed, int Skipped)> ApplyAsync(DeltaPage page, long generation, int pageNumber, CancellationToken cancellationToken)
    {
        var upserts = new List<MessageMetadata>();
        var removed = new List<string>();
        var skipped = 0;
        var index = 0;
        foreach (var item in page.Items)
        {
            var reason = DeltaItemReader.RemovedId(item, out var removedId);
            if (removedId is not null)
            {
                removed.Add(removedId);
            }
            else if (reason is null)
            {
                var mapped = GraphMessageJsonReader.Read(item, folder);
                if (mapped.Value is not null)
                {
                    upserts.Add(mapped.Value);
                }

                reason = mapped.Problem;
            }

            if (reason is not null)
            {
                skipped++;
                LogSkipped(logger, mailboxId, Name, pageNumber, index, reason);
            }

            index++;
        }

        await writer.ApplyMessagePageAsync(mailboxId, folder, generation, upserts, removed, cancellationToken).ConfigureAwait(false);
        return (upserts.Count, removed.Count, skipped);
    }

    public Task SweepAsync(long generation, CancellationToken cancellationToken) =>
        writer.SweepMessagesAsync(mailboxId, folder, generation, cancellationToken);

    public bool NeedsFullSync(SyncStateRow state) => false;

    public void Stamp(SyncStateRow state)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a malformed item in mailbox {Mailbox} {Collection}, page {Page}, index {Index}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string mailbox, string collection, int page, int index, string reason);
}
