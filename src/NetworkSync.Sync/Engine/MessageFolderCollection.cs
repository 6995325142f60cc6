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
    bool readListHeaders,
    MetadataWriter writer,
    ILogger logger) : IDeltaCollection
{
    public string Name { get; } = SyncStateKeys.Messages(folder);

    public RequestInformation InitialRequest() =>
        client.Users[mailboxId].MailFolders[folder].Messages.Delta.ToGetRequestInformation(config =>
        {
            config.QueryParameters.Select = readListHeaders ? GraphMessageJsonReader.SelectedFieldsWithHeaders : GraphMessageJsonReader.SelectedFields;
            PreferHeaders.Apply(config.Headers, pageSize, utcTimes: false);
        });

    public RequestInformation LinkRequest(string link) =>
        client.Users[mailboxId].MailFolders[folder].Messages.Delta.WithUrl(link).ToGetRequestInformation(config =>
            PreferHeaders.Apply(config.Headers, pageSize, utcTimes: false));

    public async Task<(int Upserted, int Removed, int Skipped)> ApplyAsync(DeltaPage page, long generation, int pageNumber, CancellationToken cancellationToken)
    {
        var items = DeltaItems<MessageMetadata>.From(page, item => GraphMessageJsonReader.Read(item, folder), (index, reason) => LogSkipped(logger, mailboxId, Name, pageNumber, index, reason));
        var unmatched = await writer.ApplyMessagePageAsync(mailboxId, folder, generation, items.Upserts, items.Removed, cancellationToken).ConfigureAwait(false);
        if (unmatched > 0)
        {
            // A partial update without dates for a message never stored: nothing to merge it into.
            LogUnmatched(logger, mailboxId, Name, pageNumber, unmatched);
        }

        return (items.Upserts.Count - unmatched, items.Removed.Count, items.Skipped + unmatched);
    }

    public Task SweepAsync(long generation, CancellationToken cancellationToken) =>
        writer.SweepMessagesAsync(mailboxId, folder, generation, cancellationToken);

    public bool NeedsFullSync(SyncStateRow state) => false;

    public void Stamp(SyncStateRow state)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} item(s) in mailbox {Mailbox} {Collection}, page {Page}: neither sentDateTime nor receivedDateTime, and no stored message to update")]
    private static partial void LogUnmatched(ILogger logger, string mailbox, string collection, int page, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a malformed item in mailbox {Mailbox} {Collection}, page {Page}, index {Index}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string mailbox, string collection, int page, int index, string reason);
}
