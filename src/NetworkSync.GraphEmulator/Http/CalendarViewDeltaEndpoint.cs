using System.Globalization;
using System.Text.Json;
using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Time;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// GET /users/{id}/calendarView/delta?startDateTime&amp;endDateTime (learn.microsoft.com/graph/api/event-delta):
/// instances overlapping the window; the window lives in the state tokens. $select is not supported
/// there by Graph and is ignored. In a deltaLink round, deleted events and events changed to fall
/// outside the window come back as @removed with reason "deleted", as the docs describe.
/// </summary>
internal sealed class CalendarViewDeltaEndpoint(GraphEmulatorOptions options, string epoch)
{
    private static readonly JsonEncodedText ODataType = JsonEncodedText.Encode("@odata.type");
    private static readonly JsonEncodedText EventType = JsonEncodedText.Encode("#microsoft.graph.event");
    private static readonly JsonEncodedText ETagName = JsonEncodedText.Encode("@odata.etag");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly int StartIndex = PropertyNames.IndexOf("start");
    private static readonly int EndIndex = PropertyNames.IndexOf("end");

    public GraphResponse Handle(GraphCall call, MailboxData mailbox)
    {
        var events = mailbox.Events;
        var current = events.CurrentSequence;
        var error = DeltaRequest.TryResume(call, epoch, DeltaCollectionKind.CalendarView, mailbox.UserId, "calendarView", current, out var state);
        if (error is not null)
        {
            return error;
        }

        if (state is null)
        {
            if (!TryParseWindowBound(call.Query("startDateTime"), out var start) || !TryParseWindowBound(call.Query("endDateTime"), out var end))
            {
                return GraphErrors.Create(call, 400, "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }

            state = new DeltaState(DeltaCollectionKind.CalendarView, epoch, mailbox.UserId, "calendarView", 0, current, 0, null, start, end);
        }

        var pageSize = DeltaRequest.PageSize(call, options);

        // Prefer: outlook.timezone="…" (graph/api/event-delta request headers): start and end in that zone.
        TimeZoneInfo? zone = null;
        var zoneName = call.Prefer.OutlookTimeZone;
        if (zoneName is not null && TimeZoneResolver.TryFind(zoneName, out var found))
        {
            zone = found;
            call.PreferencesApplied.Add($"outlook.timezone=\"{zoneName}\"");
        }

        var since = state.Since;
        var (windowStart, windowEnd) = (state.WindowStart, state.WindowEnd);
        var page = events.ReadPage(state.After, state.UpTo, pageSize, entry =>
        {
            if (entry.IsRemoved)
            {
                return since == 0 || entry.CreatedSequence > since ? DeltaEmit.Skip : DeltaEmit.Removed;
            }

            if (entry.Item.Overlaps(windowStart, windowEnd))
            {
                return DeltaEmit.Item;
            }

            return since == 0 ? DeltaEmit.Skip : DeltaEmit.Removed;
        });

        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            DeltaRequest.WriteLinks(writer, call, "event", state, page.LastSequence, page.Complete, options.ReplayDeltaPages);
            writer.WriteStartArray("value");
            foreach (var (entry, emit) in page.Entries)
            {
                writer.WriteStartObject();
                if (emit == DeltaEmit.Removed)
                {
                    writer.WriteString(ODataType, EventType);
                    writer.WriteString(IdName, entry.Item.Json.Id);
                    writer.WriteStartObject("@removed");
                    writer.WriteString("reason", "deleted");
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteString(ODataType, EventType);
                    writer.WriteString(ETagName, DeltaRequest.ETag(entry.Sequence));
                    var changed = PartialSelect(entry, since);
                    if (zone is null)
                    {
                        entry.Item.Json.WriteProperties(writer, changed);
                    }
                    else
                    {
                        entry.Item.Json.WriteProperties(writer, changed, StartIndex, EndIndex);
                        if (changed is null || changed.Contains("start"))
                        {
                            WriteInZone(writer, "start", entry.Item.StartUtc, zone, zoneName!);
                        }

                        if (changed is null || changed.Contains("end"))
                        {
                            WriteInZone(writer, "end", entry.Item.EndUtc, zone, zoneName!);
                        }
                    }

                    writer.WriteString(IdName, entry.Item.Json.Id);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }, sizeHint: 1024 + (page.Entries.Count * 2048));
    }

    /// <summary>
    /// In partial-update mode, the properties to send for an event the client already has that changed once
    /// since the token: those whose JSON differs from its state then. null: the whole event.
    /// </summary>
    private SelectList? PartialSelect(ChangeEntry<CalendarEvent> entry, long since) =>
        !options.PartialUpdates || since == 0 || entry.CreatedSequence > since
            || entry.Item.Previous is not { } before || entry.Item.PreviousSequence > since
            ? null
            : SelectList.Only(entry.Item.Json.ChangedSince(before.Json));

    /// <summary>A dateTimeTimeZone in the preferred zone, written as Graph writes them (seven fractional digits, no offset).</summary>
    private static void WriteInZone(Utf8JsonWriter writer, string name, DateTimeOffset utc, TimeZoneInfo zone, string zoneName)
    {
        writer.WriteStartObject(name);
        writer.WriteString("dateTime", TimeZoneInfo.ConvertTime(utc, zone).DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        writer.WriteString("timeZone", zoneName);
        writer.WriteEndObject();
    }

    /// <summary>ISO 8601; a value without offset is UTC, as Graph assumes without a Prefer time zone.</summary>
    private static bool TryParseWindowBound(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }
}
