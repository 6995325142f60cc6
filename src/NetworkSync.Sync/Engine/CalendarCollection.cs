using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Serialization.Json;
using NetworkSync.Domain.Metadata;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Mapping;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// Delta sync of <c>/users/{id}/calendarView/delta</c> over a sliding window. Graph keeps the window
/// inside its tokens, so when the wanted window has moved far enough the calendar is enumerated
/// again over the new window and whatever fell out of it is swept.
/// </summary>
internal sealed partial class CalendarCollection(
    GraphServiceClient client,
    string mailboxId,
    int pageSize,
    DateTimeOffset windowStart,
    DateTimeOffset windowEnd,
    TimeSpan rebaseAfter,
    MetadataWriter writer,
    ILogger logger) : IDeltaCollection
{
    public string Name => "events";

    public RequestInformation InitialRequest() =>
        client.Users[mailboxId].CalendarView.Delta.ToGetRequestInformation(config =>
        {
            config.QueryParameters.StartDateTime = windowStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            config.QueryParameters.EndDateTime = windowEnd.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            PreferHeaders.Apply(config.Headers, pageSize, utcTimes: true);
        });

    public RequestInformation LinkRequest(string link) =>
        client.Users[mailboxId].CalendarView.Delta.WithUrl(link).ToGetRequestInformation(config =>
            PreferHeaders.Apply(config.Headers, pageSize, utcTimes: true));

    public async Task<(int Upserted, int Removed, int Skipped)> ApplyAsync(DeltaPage page, long generation, int pageNumber, CancellationToken cancellationToken)
    {
        var upserts = new List<EventMetadata>();
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
                try
                {
                    var graphEvent = new JsonParseNode(item).GetObjectValue(Event.CreateFromDiscriminatorValue);
                    var mapped = graphEvent is null ? default : GraphEventMapper.Map(graphEvent);
                    if (mapped.Value is not null)
                    {
                        upserts.Add(mapped.Value);
                    }

                    reason = mapped.Problem ?? (graphEvent is null ? "not an event object" : null);
                }
                catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
                {
                    reason = ex.GetType().Name + ": " + ex.Message;
                }
            }

            if (reason is not null)
            {
                skipped++;
                LogSkipped(logger, mailboxId, pageNumber, index, reason);
            }

            index++;
        }

        await writer.ApplyEventPageAsync(mailboxId, generation, upserts, removed, cancellationToken).ConfigureAwait(false);
        return (upserts.Count, removed.Count, skipped);
    }

    public Task SweepAsync(long generation, CancellationToken cancellationToken) =>
        writer.SweepEventsAsync(mailboxId, generation, cancellationToken);

    public bool NeedsFullSync(SyncStateRow state) =>
        state.WindowStartMs is not { } start
        || state.WindowEndMs is not { } end
        || Math.Abs(windowStart.ToUnixTimeMilliseconds() - start) >= rebaseAfter.TotalMilliseconds
        || Math.Abs(windowEnd.ToUnixTimeMilliseconds() - end) >= rebaseAfter.TotalMilliseconds;

    public void Stamp(SyncStateRow state)
    {
        state.WindowStartMs = windowStart.ToUnixTimeMilliseconds();
        state.WindowEndMs = windowEnd.ToUnixTimeMilliseconds();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a malformed event in mailbox {Mailbox}, page {Page}, index {Index}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string mailbox, int page, int index, string reason);
}
