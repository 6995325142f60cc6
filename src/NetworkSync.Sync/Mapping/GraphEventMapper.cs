using Microsoft.Graph.Models;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Time;

namespace NetworkSync.Sync.Mapping;

/// <summary>Maps a calendarView instance to <see cref="EventMetadata"/>, converting its zone-qualified times to UTC.</summary>
public static class GraphEventMapper
{
    /// <param name="present">
    /// The properties the item carried. Without <see cref="EventFields.Times"/> (a partial update that did not
    /// move the event) start and end are not read and the record can only update a stored event.
    /// </param>
    public static MappingResult<EventMetadata> Map(Event graphEvent, EventFields present = EventFields.All)
    {
        ArgumentNullException.ThrowIfNull(graphEvent);
        if (string.IsNullOrWhiteSpace(graphEvent.Id))
        {
            return new MappingResult<EventMetadata>(null, "event without id");
        }

        var start = DateTimeOffset.UnixEpoch;
        var end = DateTimeOffset.UnixEpoch;
        if (present.HasFlag(EventFields.Times)
            && (!DateTimeTimeZoneConverter.TryToUtc(graphEvent.Start?.DateTime, graphEvent.Start?.TimeZone, out start)
                || !DateTimeTimeZoneConverter.TryToUtc(graphEvent.End?.DateTime, graphEvent.End?.TimeZone, out end)))
        {
            return new MappingResult<EventMetadata>(null, $"event {graphEvent.Id} has an unreadable start or end");
        }

        var attendees = new List<Domain.Metadata.Attendee>();
        foreach (var attendee in graphEvent.Attendees ?? [])
        {
            if (GraphParticipants.From(new Microsoft.Graph.Models.Recipient { EmailAddress = attendee.EmailAddress }) is { } who)
            {
                attendees.Add(new Domain.Metadata.Attendee(who, KindOf(attendee.Type), ResponseOf(attendee.Status?.Response)));
            }
        }

        return new MappingResult<EventMetadata>(new EventMetadata
        {
            Id = graphEvent.Id,
            SeriesMasterId = graphEvent.SeriesMasterId,
            Type = graphEvent.Type switch
            {
                EventType.Occurrence => "occurrence",
                EventType.Exception => "exception",
                EventType.SeriesMaster => "seriesMaster",
                _ => "singleInstance",
            },
            Start = start,
            End = end < start ? start : end,
            IsAllDay = graphEvent.IsAllDay ?? false,
            IsCancelled = graphEvent.IsCancelled ?? false,
            IsOrganizer = graphEvent.IsOrganizer ?? false,
            Response = ResponseOf(graphEvent.ResponseStatus?.Response),
            Organizer = GraphParticipants.From(graphEvent.Organizer),
            Attendees = attendees,
            Subject = graphEvent.Subject,
            TimeZone = graphEvent.OriginalStartTimeZone ?? graphEvent.Start?.TimeZone,
            Present = present,
        }, null);
    }

    private static AttendeeKind KindOf(AttendeeType? type) => type switch
    {
        AttendeeType.Optional => AttendeeKind.Optional,
        AttendeeType.Resource => AttendeeKind.Resource,
        _ => AttendeeKind.Required,
    };

    private static AttendeeResponse ResponseOf(ResponseType? response) => response switch
    {
        ResponseType.Organizer => AttendeeResponse.Organizer,
        ResponseType.TentativelyAccepted => AttendeeResponse.TentativelyAccepted,
        ResponseType.Accepted => AttendeeResponse.Accepted,
        ResponseType.Declined => AttendeeResponse.Declined,
        ResponseType.NotResponded => AttendeeResponse.NotResponded,
        _ => AttendeeResponse.None,
    };
}
