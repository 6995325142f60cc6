using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.FollowUps;

/// <summary>Who a meeting is with, and whether the user took part, as the meeting rules see it.</summary>
public static class MeetingPeople
{
    /// <summary>Not cancelled, not declined by the user, and an instance rather than a series master.</summary>
    public static bool UserTakesPart(EventMetadata meeting) =>
        !meeting.IsCancelled && meeting.Response != AttendeeResponse.Declined && meeting.Type != "seriesMaster";

    public static bool IsPartOfSeries(EventMetadata meeting) =>
        meeting.Type is "occurrence" or "exception" || meeting.SeriesMasterId is not null;

    /// <summary>Everyone invited except rooms and equipment (the user, lists and the organiser included).</summary>
    public static int AttendeeCount(EventMetadata meeting)
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        if (meeting.Organizer is { } organizer)
        {
            addresses.Add(organizer.Address);
        }

        foreach (var attendee in meeting.Attendees)
        {
            if (attendee.Kind != AttendeeKind.Resource)
            {
                addresses.Add(attendee.Who.Address);
            }
        }

        return addresses.Count;
    }

    /// <summary>
    /// The real people the user met, organiser first: not rooms or equipment, not the user's own
    /// addresses, not lists or robots, not anyone who declined.
    /// </summary>
    public static IReadOnlyList<Participant> OthersIn(EventMetadata meeting, ContactDirectory directory)
    {
        var people = new List<Participant>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (meeting.Organizer is { } organizer && directory.IsPerson(organizer.Address) && seen.Add(organizer.Address))
        {
            people.Add(organizer);
        }

        foreach (var attendee in meeting.Attendees)
        {
            if (attendee.Kind != AttendeeKind.Resource
                && attendee.Response != AttendeeResponse.Declined
                && directory.IsPerson(attendee.Who.Address)
                && seen.Add(attendee.Who.Address))
            {
                people.Add(attendee.Who);
            }
        }

        return people;
    }
}
