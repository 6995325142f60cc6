using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// One follow-up per meeting instance the user took part in, once it has ended: due the next working
/// day, settled as soon as the user writes to any of the people met. A meeting that already has a
/// follow-up keeps producing its candidate while it qualifies, so a reschedule moves the follow-up and
/// a cancellation (no candidate) withdraws it.
/// </summary>
public static class AfterMeetingRule
{
    public static IEnumerable<FollowUpCandidate> Evaluate(FollowUpInputs inputs, ContactDirectory directory, OutboundMailIndex outbound)
    {
        var existing = inputs.Existing.Where(r => r.Kind == FollowUpKind.AfterMeeting).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var options = inputs.Options;
        foreach (var meeting in inputs.Events)
        {
            var key = FollowUpKeys.AfterMeeting(meeting.Id);
            var known = existing.Contains(key);
            var justEnded = meeting.End <= inputs.AsOf && meeting.End >= inputs.AsOf - options.AfterMeetingLookBack;
            if (!known && !justEnded)
            {
                continue;
            }

            if (!Qualifies(meeting, options))
            {
                continue;
            }

            var people = MeetingPeople.OthersIn(meeting, directory);
            if (people.Count == 0)
            {
                continue;
            }

            var contacts = people.Select(p => p.Address).ToList();
            var due = inputs.Schedule.NextWorkingDayAfter(meeting.End);
            var mailed = meeting.End <= inputs.AsOf ? outbound.FirstSentTo(contacts, meeting.End, inputs.AsOf) : null;
            yield return new FollowUpCandidate
            {
                Key = key,
                Kind = FollowUpKind.AfterMeeting,
                EventId = meeting.Id,
                Contacts = contacts,
                Title = FollowUpTitles.AfterMeeting(people, meeting.Subject),
                Due = due,
                Reminder = due,
                Meeting = new MeetingReference(meeting.Subject, meeting.Start, meeting.End),
                SettledAt = mailed,
                SettledBecause = mailed is null ? null : FollowUpResolution.Mailed,
            };
        }
    }

    private static bool Qualifies(EventMetadata meeting, FollowUpOptions options) =>
        MeetingPeople.UserTakesPart(meeting)
        && (options.IncludeRecurring || !MeetingPeople.IsPartOfSeries(meeting))
        && MeetingPeople.AttendeeCount(meeting) <= options.MaxAttendees;
}
