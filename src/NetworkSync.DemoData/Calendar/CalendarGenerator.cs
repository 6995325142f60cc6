using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Calendar;

/// <summary>
/// Fills the owner's calendar: weekly 1:1s and a team meeting, a monthly client sync in Pacific time, quarterly
/// 200-person town halls, one-off meetings on each tie's rhythm (past and upcoming), leave, offsites and a conference.
/// </summary>
internal sealed class CalendarGenerator(DemoCast cast, GraphIdFactory ids, MailboxPeriod period, SeededRandom random)
{
    private readonly MeetingFactory _meetings = new(cast, ids, period);

    public MeetingFactory Meetings => _meetings;

    public List<GeneratedEvent> Generate()
    {
        var events = new List<GeneratedEvent>();
        AddRecurringSeries(events);
        AddTownHalls(events);
        AddOneOffMeetings(events);
        AddAllDayAndMultiDayEvents(events);
        return events;
    }

    private void AddRecurringSeries(List<GeneratedEvent> events)
    {
        var expander = new RecurringSeriesExpander(cast, ids, period);
        var stream = random.Fork("series");
        var manager = cast.WithRole(ContactRole.Manager);
        var reports = cast.AllWithRole(ContactRole.DirectReport).ToList();
        var team = reports.Concat(cast.AllWithRole(ContactRole.TeamMate)).ToList();
        var keyClient = cast.WithRole(ContactRole.KeyClient);
        var (roomName, roomAddress) = NamePools.MeetingRooms[0];

        var plans = new List<SeriesPlan>
        {
            new()
            {
                Subject = "1:1 " + manager.Primary.Name + " / Dana Whitfield", Organizer = manager, Invitees = [],
                SchedulingZone = ZoneRule.London, DisplayZone = ZoneRule.London, Day = DayOfWeek.Tuesday,
                LocalStart = new TimeOnly(10, 0), Duration = TimeSpan.FromMinutes(30),
            },
            new()
            {
                Subject = "Team weekly", Invitees = team, Rooms = [new MailAddress(roomName, roomAddress)],
                SchedulingZone = ZoneRule.London, DisplayZone = ZoneRule.Utc, Day = DayOfWeek.Monday,
                LocalStart = new TimeOnly(10, 0), Duration = TimeSpan.FromMinutes(60), IsOnline = false,
            },
            new()
            {
                Subject = "Fabrikam / Contoso monthly sync", Organizer = keyClient,
                Invitees = cast.CircleOf(keyClient, period.Start).Where(contact => contact.Kind == ContactKind.Client).Take(2).Prepend(manager).ToList(),
                SchedulingZone = ZoneRule.PacificWindows, DisplayZone = ZoneRule.PacificWindows, Day = DayOfWeek.Thursday,
                LocalStart = new TimeOnly(9, 0), Duration = TimeSpan.FromMinutes(45), Monthly = true,
            },
        };
        var weekdays = new[] { DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        for (var index = 0; index < reports.Count; index++)
        {
            plans.Add(new SeriesPlan
            {
                Subject = "1:1 Dana Whitfield / " + reports[index].Primary.Name,
                Invitees = [reports[index]],
                SchedulingZone = ZoneRule.London,
                DisplayZone = ZoneRule.Utc,
                Day = weekdays[index % weekdays.Length],
                LocalStart = new TimeOnly(11 + (index * 2), 30),
                Duration = TimeSpan.FromMinutes(30),
            });
        }

        foreach (var plan in plans)
        {
            expander.Expand(plan, stream, events);
        }
    }

    /// <summary>Quarterly all-staff town halls: 200 attendees, far too many for any of them to count as a meeting together.</summary>
    private void AddTownHalls(List<GeneratedEvent> events)
    {
        var stream = random.Fork("town-halls");
        var chief = cast.WithRole(ContactRole.ChiefExecutive);
        var (roomName, roomAddress) = NamePools.MeetingRooms[1];
        for (var day = period.Start + TimeSpan.FromDays(40); day < period.CalendarHorizon; day += TimeSpan.FromDays(91))
        {
            var date = ActivityClock.NextWorkday(DateOnly.FromDateTime(day.UtcDateTime));
            var start = ZoneRule.London.FromLocal(date.ToDateTime(new TimeOnly(16, 0)));
            var created = start - TimeSpan.FromDays(21);
            var ownerResponse = ResponsePicker.OwnerAnswer(start > period.AsOf, stream);
            var ownerAttendee = MeetingFactory.Attendee(cast.Owner.Primary, "required", ownerResponse, created, stream);
            var attendees = new List<EventAttendee> { ownerAttendee };
            var staff = cast.Contacts.Where(contact => contact.IsColleagueAt(start) && contact != chief)
                .Select(contact => contact.AddressAt(start))
                .Concat(cast.Bystanders)
                .Take(CastBuilder.TownHallSize - 1);
            attendees.AddRange(staff.Select(address => new EventAttendee(address, "required", ResponsePicker.None, null)));
            events.Add(new GeneratedEvent
            {
                Id = ids.NextItemId(),
                ICalUId = MeetingFactory.NewICalUId(stream),
                Subject = "Quarterly town hall",
                Start = start,
                End = start + TimeSpan.FromHours(1),
                Organizer = chief.AddressAt(start),
                IsOrganizer = false,
                OwnerResponse = ownerResponse,
                OwnerResponseTime = ownerAttendee.ResponseTime,
                Attendees = attendees,
                Location = new EventLocation(roomName, "conferenceRoom", roomAddress),
                IsOnlineMeeting = true,
                ShowAs = ResponsePicker.ShowAsFor(ownerResponse),
                Created = created,
                IsShowcase = true,
            });
        }
    }

    /// <summary>One-off meetings on each tie's own rhythm; ongoing ties also have meetings booked in the coming weeks.</summary>
    private void AddOneOffMeetings(List<GeneratedEvent> events)
    {
        foreach (var contact in cast.Contacts.Where(contact => contact.Kind.HasRhythm()))
        {
            var stream = random.Fork("meetings", contact.Index);
            var until = contact.ActiveUntil >= period.AsOf ? period.CalendarHorizon : contact.ActiveUntil;
            var next = contact.ActiveFrom + TimeSpan.FromDays(stream.Exponential(30.44 / TieBehaviour.MeetingsPerMonth(contact.Kind, contact.StrengthAt(contact.ActiveFrom))));
            while (next < until)
            {
                events.Add(_meetings.Meeting(contact, next, stream));
                var meanGapDays = 30.44 / TieBehaviour.MeetingsPerMonth(contact.Kind, contact.StrengthAt(next));
                next += TimeSpan.FromDays(meanGapDays * stream.LogNormalFactor(0.8));
            }
        }
    }

    /// <summary>Annual leave and a conference (owner's own all-day blocks), a two-day team offsite, and a timed two-day hackathon.</summary>
    private void AddAllDayAndMultiDayEvents(List<GeneratedEvent> events)
    {
        var stream = random.Fork("all-day");
        var owner = cast.Owner;
        var manager = cast.WithRole(ContactRole.Manager);
        var team = cast.AllWithRole(ContactRole.DirectReport).Concat(cast.AllWithRole(ContactRole.TeamMate)).ToList();
        for (var yearStart = period.Start; yearStart < period.CalendarHorizon; yearStart += TimeSpan.FromDays(365))
        {
            for (var leave = 0; leave < 3; leave++)
            {
                var first = stream.Between(yearStart, yearStart + TimeSpan.FromDays(360));
                AddAllDay(events, "Annual leave", first, stream.Between(1, 11), owner.Primary, [], "oof", stream);
            }

            AddAllDay(events, "Conference: TechConf London", stream.Between(yearStart, yearStart + TimeSpan.FromDays(360)), 3, owner.Primary, [], "busy", stream);
            var offsiteInvitees = team.Select(member => new EventAttendee(member.AddressAt(yearStart), "required", ResponsePicker.None, null))
                .Prepend(new EventAttendee(owner.Primary, "required", ResponsePicker.Accepted, yearStart))
                .ToList();
            AddAllDay(events, "Team offsite", stream.Between(yearStart, yearStart + TimeSpan.FromDays(360)), 2, manager.AddressAt(yearStart), offsiteInvitees, "busy", stream);

            var hackathonDay = ActivityClock.NextWorkday(DateOnly.FromDateTime(stream.Between(yearStart, yearStart + TimeSpan.FromDays(360)).UtcDateTime));
            var hackathonStart = ZoneRule.London.FromLocal(hackathonDay.ToDateTime(new TimeOnly(9, 0)));
            if (hackathonStart < period.CalendarHorizon)
            {
                events.Add(new GeneratedEvent
                {
                    Id = ids.NextItemId(),
                    ICalUId = MeetingFactory.NewICalUId(stream),
                    Subject = "Hackathon",
                    Start = hackathonStart,
                    End = hackathonStart + TimeSpan.FromHours(32),
                    Zone = ZoneRule.London,
                    Organizer = owner.Primary,
                    IsOrganizer = true,
                    OwnerResponse = ResponsePicker.Organizer,
                    Attendees = team.Select(member => MeetingFactory.Attendee(member.AddressAt(hackathonStart), "optional", ResponsePicker.InviteeAnswer(stream), hackathonStart - TimeSpan.FromDays(30), stream)).ToList(),
                    Location = new EventLocation("Contoso London, 4th floor", "default"),
                    Created = hackathonStart - TimeSpan.FromDays(30),
                    IsShowcase = true,
                });
            }
        }
    }

    private void AddAllDay(
        List<GeneratedEvent> events, string subject, DateTimeOffset around, int days, MailAddress organizer, List<EventAttendee> attendees, string showAs, SeededRandom stream)
    {
        var firstDay = ActivityClock.NextWorkday(DateOnly.FromDateTime(around.UtcDateTime));
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (start >= period.CalendarHorizon)
        {
            return;
        }

        var ownerOrganises = organizer == cast.Owner.Primary;
        events.Add(new GeneratedEvent
        {
            Id = ids.NextItemId(),
            ICalUId = MeetingFactory.NewICalUId(stream),
            Subject = subject,
            Start = start,
            End = start + TimeSpan.FromDays(days),
            IsAllDay = true,
            Organizer = organizer,
            IsOrganizer = ownerOrganises,
            OwnerResponse = ownerOrganises ? ResponsePicker.Organizer : ResponsePicker.Accepted,
            OwnerResponseTime = ownerOrganises ? null : attendees.FirstOrDefault(attendee => attendee.Address == cast.Owner.Primary)?.ResponseTime,
            Attendees = attendees,
            ShowAs = showAs,
            Created = start - TimeSpan.FromDays(30),
            IsShowcase = true,
        });
    }
}
