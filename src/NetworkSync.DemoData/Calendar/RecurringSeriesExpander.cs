using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Calendar;

/// <summary>
/// Expands a series into the instances <c>calendarView</c> returns: <c>occurrence</c>s sharing a
/// <c>seriesMasterId</c> and iCalUId, a few cancelled, one moved (an <c>exception</c>), none over the
/// year-end break. The master itself is not an instance, so it is never written.
/// </summary>
internal sealed class RecurringSeriesExpander(DemoCast cast, GraphIdFactory ids, MailboxPeriod period)
{
    private const double CancelledShare = 0.03;

    public void Expand(SeriesPlan plan, SeededRandom random, List<GeneratedEvent> sink)
    {
        var owner = cast.Owner;
        var masterId = ids.NextItemId();
        var iCalUId = MeetingFactory.NewICalUId(random);
        var created = period.Start - TimeSpan.FromDays(random.Between(7, 60));
        var ownerOrganises = plan.Organizer is null;
        var organizer = plan.Organizer?.AddressAt(period.Start) ?? owner.Primary;
        var ownerResponse = ownerOrganises ? ResponsePicker.Organizer : ResponsePicker.Accepted;

        var ownerResponseTime = ownerOrganises ? (DateTimeOffset?)null : created + TimeSpan.FromHours(2);
        var attendees = new List<EventAttendee>();
        if (!ownerOrganises)
        {
            attendees.Add(new EventAttendee(owner.Primary, "required", ResponsePicker.Accepted, ownerResponseTime));
        }

        foreach (var invitee in plan.Invitees)
        {
            // Only the organiser's copy shows the invitees' answers.
            var answer = ownerOrganises ? (random.Chance(0.9) ? ResponsePicker.Accepted : ResponsePicker.Tentative) : ResponsePicker.None;
            attendees.Add(MeetingFactory.Attendee(invitee.AddressAt(period.Start), "required", answer, created, random));
        }

        foreach (var room in plan.Rooms)
        {
            attendees.Add(new EventAttendee(room, "resource", ResponsePicker.Accepted, created));
        }

        var dates = OccurrenceDates(plan).ToList();
        var pastCount = dates.Count(date => plan.SchedulingZone.FromLocal(date.ToDateTime(plan.LocalStart)) < period.AsOf);
        var exceptionIndex = pastCount > 2 ? random.Between(pastCount / 3, (2 * pastCount / 3) + 1) : -1;
        for (var index = 0; index < dates.Count; index++)
        {
            var isException = index == exceptionIndex;
            var date = dates[index];
            var localStart = plan.LocalStart;
            if (isException)
            {
                // Moved by a day (or two hours on a Friday): the classic rescheduled occurrence.
                if (date.DayOfWeek == DayOfWeek.Friday)
                {
                    localStart = localStart.AddHours(2);
                }
                else
                {
                    date = date.AddDays(1);
                }
            }

            var start = plan.SchedulingZone.FromLocal(date.ToDateTime(localStart));
            var cancelled = !isException && random.Chance(CancelledShare);
            sink.Add(new GeneratedEvent
            {
                Id = ids.NextItemId(),
                ICalUId = iCalUId,
                Subject = cancelled ? MeetingSubjects.AsCancelled(plan.Subject) : plan.Subject,
                Start = start,
                End = start + plan.Duration,
                Zone = plan.DisplayZone,
                IsCancelled = cancelled,
                Type = isException ? "exception" : "occurrence",
                SeriesMasterId = masterId,
                Organizer = organizer,
                IsOrganizer = ownerOrganises,
                OwnerResponse = ownerResponse,
                OwnerResponseTime = ownerResponseTime,
                Attendees = attendees,
                Location = plan.Rooms.Count > 0 ? new EventLocation(plan.Rooms[0].Name, "conferenceRoom", plan.Rooms[0].Address) : EventLocation.Teams,
                IsOnlineMeeting = plan.IsOnline,
                Created = created,
                IsShowcase = isException || cancelled,
            });
        }
    }

    private IEnumerable<DateOnly> OccurrenceDates(SeriesPlan plan)
    {
        var first = DateOnly.FromDateTime(plan.SchedulingZone.ToLocal(period.Start));
        var last = DateOnly.FromDateTime(plan.SchedulingZone.ToLocal(period.CalendarHorizon));
        if (plan.Monthly)
        {
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            {
                var date = month.AddDays(((int)plan.Day - (int)month.DayOfWeek + 7) % 7);
                if (date >= first && date <= last)
                {
                    yield return date;
                }
            }

            yield break;
        }

        var weekly = first.AddDays(((int)plan.Day - (int)first.DayOfWeek + 7) % 7);
        for (; weekly <= last; weekly = weekly.AddDays(7))
        {
            var yearEndBreak = (weekly.Month == 12 && weekly.Day >= 24) || (weekly.Month == 1 && weekly.Day <= 1);
            if (!yearEndBreak)
            {
                yield return weekly;
            }
        }
    }
}
