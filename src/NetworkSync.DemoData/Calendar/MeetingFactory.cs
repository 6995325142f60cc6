using System.Globalization;
using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Calendar;

/// <summary>
/// Builds single meetings between the owner and a contact (and sometimes their circle): who organises, when,
/// where, in which time zone, and how everyone answered, seen from the owner's calendar.
/// </summary>
internal sealed class MeetingFactory(DemoCast cast, GraphIdFactory ids, MailboxPeriod period)
{
    private static readonly int[] WorkDurations = [30, 30, 30, 45, 60, 60, 90];

    private static readonly string[] PersonalVenues = ["The Crown & Anchor", "Rosa's Kitchen", "Riverside Café", "The Climbing Hall", "Home"];

    /// <summary>A one-off meeting on the local day of <paramref name="around"/>.</summary>
    public GeneratedEvent Meeting(PlantedContact contact, DateTimeOffset around, SeededRandom random)
    {
        var owner = cast.Owner;
        var personal = contact.Mode == ActivityMode.Personal;
        var day = DateOnly.FromDateTime(ZoneRule.London.ToLocal(around));
        TimeOnly localStart;
        TimeSpan duration;
        if (personal)
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            localStart = weekend ? new TimeOnly(random.Between(11, 19), 0) : new TimeOnly(random.Between(18, 20), random.Chance(0.5) ? 30 : 0);
            duration = TimeSpan.FromMinutes(random.Between(3, 7) * 30);
        }
        else
        {
            day = ActivityClock.NextWorkday(day);
            localStart = new TimeOnly(random.Between(9, 17), random.Chance(0.5) ? 30 : 0);
            duration = TimeSpan.FromMinutes(random.Pick(WorkDurations));
        }

        var start = ZoneRule.London.FromLocal(day.ToDateTime(localStart));
        var upcoming = start > period.AsOf;
        var strength = contact.StrengthAt(start);
        var group = random.Chance(TieBehaviour.OneToOneShare(strength)) ? [] : random.Sample(cast.CircleOf(contact, start), random.Between(1, 5));
        var ownerOrganises = random.Chance(personal ? 0.4 : 0.5);

        EventLocation location;
        if (personal)
        {
            location = new EventLocation(random.Pick(PersonalVenues), "default");
        }
        else if (contact.IsColleagueAt(start) && random.Chance(0.4))
        {
            var (roomName, roomAddress) = random.Pick(NamePools.MeetingRooms);
            location = new EventLocation(roomName, "conferenceRoom", roomAddress);
        }
        else
        {
            location = EventLocation.Teams;
        }

        var created = start - random.Between(TimeSpan.FromHours(4), TimeSpan.FromDays(14));
        var invitees = new List<PlantedContact> { contact };
        invitees.AddRange(group);
        var attendees = new List<EventAttendee>();
        string ownerResponse;
        DateTimeOffset? ownerResponseTime = null;
        MailAddress organizer;
        if (ownerOrganises)
        {
            organizer = owner.Primary;
            ownerResponse = ResponsePicker.Organizer;
            foreach (var invitee in invitees)
            {
                var answer = upcoming && random.Chance(0.4) ? ResponsePicker.None : ResponsePicker.InviteeAnswer(random);
                attendees.Add(Attendee(invitee.AddressAt(start), "required", answer, created, random));
            }
        }
        else
        {
            organizer = contact.AddressAt(start);
            ownerResponse = ResponsePicker.OwnerAnswer(upcoming, random);
            ownerResponseTime = ResponsePicker.HasResponded(ownerResponse) ? created + TimeSpan.FromHours(random.Between(0.1, 30)) : null;
            // An attendee's copy of a meeting does not show the other attendees' answers.
            attendees.Add(new EventAttendee(owner.Primary, "required", ownerResponse, ownerResponseTime));
            foreach (var member in group)
            {
                attendees.Add(new EventAttendee(member.AddressAt(start), random.Chance(0.8) ? "required" : "optional", ResponsePicker.None, null));
            }
        }

        if (location.RoomAddress is not null)
        {
            attendees.Add(new EventAttendee(new MailAddress(location.DisplayName, location.RoomAddress), "resource", ResponsePicker.Accepted, created));
        }

        var subject = MeetingSubjects.For(contact, start, random);
        var cancelled = random.Chance(0.05);
        return new GeneratedEvent
        {
            Id = ids.NextItemId(),
            ICalUId = NewICalUId(random),
            Subject = cancelled ? MeetingSubjects.AsCancelled(subject) : subject,
            Start = start,
            End = start + duration,
            Zone = DisplayZoneFor(contact, random),
            IsCancelled = cancelled,
            Organizer = organizer,
            IsOrganizer = ownerOrganises,
            OwnerResponse = ownerResponse,
            OwnerResponseTime = ownerResponseTime,
            Attendees = attendees,
            Location = location,
            IsOnlineMeeting = location == EventLocation.Teams,
            ShowAs = ResponsePicker.ShowAsFor(ownerResponse),
            Created = created,
        };
    }

    public static EventAttendee Attendee(MailAddress address, string type, string response, DateTimeOffset invited, SeededRandom random) =>
        new(address, type, response, ResponsePicker.HasResponded(response) ? invited + TimeSpan.FromHours(random.Between(0.1, 48)) : null);

    /// <summary>Exchange's iCalUId layout: a fixed header then a per-meeting part, so every occurrence of a series shares it.</summary>
    public static string NewICalUId(SeededRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"040000008200E00074C5B7101A82E00800000000{random.NextUInt64():X16}{random.NextUInt64():X16}");

    /// <summary>
    /// Most events come back in UTC; meetings with people in the Americas keep the organiser's Windows zone name,
    /// and a few London meetings carry the IANA name, as different Outlook clients write them.
    /// </summary>
    private static ZoneRule DisplayZoneFor(PlantedContact contact, SeededRandom random)
    {
        if (contact.HomeZone.DaylightSaving == DaylightSavingRule.NorthAmerican && random.Chance(0.7))
        {
            return contact.HomeZone;
        }

        return random.Chance(0.12) ? ZoneRule.London : ZoneRule.Utc;
    }
}
