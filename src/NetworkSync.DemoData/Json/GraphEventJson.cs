using System.Text.Json;
using NetworkSync.DemoData.Calendar;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Json;

/// <summary>Writes an event instance in Graph v1.0's <c>event</c> shape as <c>calendarView</c> returns it.</summary>
internal static class GraphEventJson
{
    public static void Write(Utf8JsonWriter writer, GeneratedEvent calendarEvent)
    {
        writer.WriteStartObject();
        writer.WriteString("id", calendarEvent.Id);
        writer.WriteString("createdDateTime", GraphJsonFormat.Instant(calendarEvent.Created));
        writer.WriteString("lastModifiedDateTime", GraphJsonFormat.Instant(calendarEvent.Created));
        writer.WriteString("iCalUId", calendarEvent.ICalUId);
        writer.WriteString("subject", calendarEvent.Subject);
        writer.WriteString("importance", "normal");
        writer.WriteString("sensitivity", "normal");
        writer.WriteBoolean("isAllDay", calendarEvent.IsAllDay);
        writer.WriteBoolean("isCancelled", calendarEvent.IsCancelled);
        writer.WriteBoolean("isOrganizer", calendarEvent.IsOrganizer);
        writer.WriteBoolean("isOnlineMeeting", calendarEvent.IsOnlineMeeting);
        writer.WriteString("onlineMeetingProvider", calendarEvent.IsOnlineMeeting ? "teamsForBusiness" : "unknown");
        writer.WriteString("showAs", calendarEvent.ShowAs);
        writer.WriteString("type", calendarEvent.Type);
        if (calendarEvent.SeriesMasterId is null)
        {
            writer.WriteNull("seriesMasterId");
        }
        else
        {
            writer.WriteString("seriesMasterId", calendarEvent.SeriesMasterId);
        }

        writer.WriteStartObject("responseStatus");
        writer.WriteString("response", calendarEvent.OwnerResponse);
        writer.WriteString("time", calendarEvent.OwnerResponseTime is { } answered ? GraphJsonFormat.Instant(answered) : GraphJsonFormat.NoTime);
        writer.WriteEndObject();
        WriteDateTimeTimeZone(writer, "start", calendarEvent.Start, calendarEvent.Zone);
        WriteDateTimeTimeZone(writer, "end", calendarEvent.End, calendarEvent.Zone);
        writer.WriteString("originalStartTimeZone", calendarEvent.Zone.Name);
        writer.WriteString("originalEndTimeZone", calendarEvent.Zone.Name);
        WriteLocation(writer, calendarEvent.Location);
        WriteAttendees(writer, calendarEvent.Attendees);
        writer.WriteStartObject("organizer");
        GraphJsonFormat.WriteEmailAddressProperty(writer, calendarEvent.Organizer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteDateTimeTimeZone(Utf8JsonWriter writer, string propertyName, DateTimeOffset instant, ZoneRule zone)
    {
        writer.WriteStartObject(propertyName);
        writer.WriteString("dateTime", GraphJsonFormat.WallClock(zone.ToLocal(instant)));
        writer.WriteString("timeZone", zone.Name);
        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, EventLocation? location)
    {
        writer.WriteStartObject("location");
        WriteLocationBody(writer, location ?? new EventLocation(string.Empty, "default"));
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        if (location is not null)
        {
            writer.WriteStartObject();
            WriteLocationBody(writer, location);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLocationBody(Utf8JsonWriter writer, EventLocation location)
    {
        writer.WriteString("displayName", location.DisplayName);
        writer.WriteString("locationType", location.LocationType);
        if (location.RoomAddress is not null)
        {
            writer.WriteString("uniqueId", location.RoomAddress);
            writer.WriteString("uniqueIdType", "directory");
            writer.WriteString("locationEmailAddress", location.RoomAddress);
        }
    }

    private static void WriteAttendees(Utf8JsonWriter writer, IReadOnlyList<EventAttendee> attendees)
    {
        writer.WriteStartArray("attendees");
        foreach (var attendee in attendees)
        {
            writer.WriteStartObject();
            writer.WriteString("type", attendee.Type);
            writer.WriteStartObject("status");
            writer.WriteString("response", attendee.Response);
            writer.WriteString("time", attendee.ResponseTime is { } answered ? GraphJsonFormat.Instant(answered) : GraphJsonFormat.NoTime);
            writer.WriteEndObject();
            GraphJsonFormat.WriteEmailAddressProperty(writer, attendee.Address);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
