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
    public string Name => SyncStateKeys.Events;

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
        var items = DeltaItems<EventMetadata>.From(page, Read, (index, reason) => LogSkipped(logger, mailboxId, pageNumber, index, reason));
        var unmatched = await writer.ApplyEventPageAsync(mailboxId, generation, items.Upserts, items.Removed, cancellationToken).ConfigureAwait(false);
        if (unmatched > 0)
        {
            LogUnmatched(logger, mailboxId, pageNumber, unmatched);
        }

        return (items.Upserts.Count - unmatched, items.Removed.Count, items.Skipped + unmatched);
    }

    // Events are few (a mailbox has thousands, not tens of thousands), so they go through the SDK's own model.
    private static MappingResult<EventMetadata> Read(System.Text.Json.JsonElement item)
    {
        try
        {
            var graphEvent = new JsonParseNode(item).GetObjectValue(Event.CreateFromDiscriminatorValue);
            return graphEvent is null ? new MappingResult<EventMetadata>(null, "not an event object") : GraphEventMapper.Map(graphEvent, PresentFields(item));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            return new MappingResult<EventMetadata>(null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>
    /// Which properties the item carried: absent is unchanged (a partial update), never empty. An item with
    /// neither start nor end did not move; one with only one of them is unreadable, as before.
    /// </summary>
    private static EventFields PresentFields(System.Text.Json.JsonElement item)
    {
        if (item.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return EventFields.All;
        }

        var present = EventFields.None;
        var times = 0;
        foreach (var property in item.EnumerateObject())
        {
            present |= property.Name switch
            {
                "seriesMasterId" => EventFields.SeriesMasterId,
                "type" => EventFields.Type,
                "isAllDay" => EventFields.IsAllDay,
                "isCancelled" => EventFields.IsCancelled,
                "isOrganizer" => EventFields.IsOrganizer,
                "responseStatus" => EventFields.Response,
                "organizer" => EventFields.Organizer,
                "attendees" => EventFields.Attendees,
                "subject" => EventFields.Subject,
                "originalStartTimeZone" => EventFields.TimeZone,
                _ => EventFields.None,
            };
            times += property.Name is "start" or "end" ? 1 : 0;
        }

        // TimeZone is originalStartTimeZone; without it a new row takes the start's zone, a stored one keeps its own.
        return times > 0 ? present | EventFields.Times : present;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} event(s) in mailbox {Mailbox}, page {Page}: a partial update without start and end, and no stored event to update")]
    private static partial void LogUnmatched(ILogger logger, string mailbox, int page, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a malformed event in mailbox {Mailbox}, page {Page}, index {Index}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string mailbox, int page, int index, string reason);
}
