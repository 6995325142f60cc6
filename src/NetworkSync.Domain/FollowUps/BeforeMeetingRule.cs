using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// A briefing before a meeting in the next 48 hours with someone the user meets for the first time or
/// has not been in touch with for 90 days: when they last spoke, how warm it was, the last subject and
/// who introduced them. Settles itself when the meeting starts.
/// </summary>
public static class BeforeMeetingRule
{
    public static IEnumerable<FollowUpCandidate> Evaluate(FollowUpInputs inputs, ContactDirectory directory)
    {
        var existing = inputs.Existing.Where(r => r.Kind == FollowUpKind.BeforeMeeting).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var options = inputs.Options;
        var wanted = new List<(EventMetadata Meeting, string Key, IReadOnlyList<Participant> People, FollowUpRecord? Record)>();
        foreach (var meeting in inputs.Events)
        {
            var key = FollowUpKeys.BeforeMeeting(meeting.Id);
            var known = existing.TryGetValue(key, out var record);
            var soon = meeting.Start > inputs.AsOf && meeting.Start <= inputs.AsOf + options.BriefingHorizon;
            if ((!known && !soon) || !MeetingPeople.UserTakesPart(meeting) || MeetingPeople.AttendeeCount(meeting) > options.MaxAttendees)
            {
                continue;
            }

            var others = MeetingPeople.OthersIn(meeting, directory);

            // Once made, a briefing stays about the same people, even after the user has written to them.
            var people = known
                ? others.Where(p => record!.Contacts.Contains(p.Address, StringComparer.Ordinal)).ToList()
                : others.Where(p => NeedsBriefing(directory.Find(p.Address), inputs.AsOf, options)).ToList();
            if (people.Count > 0)
            {
                wanted.Add((meeting, key, people, known ? record : null));
            }
        }

        if (wanted.Count == 0)
        {
            yield break;
        }

        var history = new ThreadHistory(inputs.Messages, inputs.Owner, wanted.SelectMany(w => w.People).Select(p => p.Address).ToHashSet(StringComparer.Ordinal), inputs.AsOf);
        foreach (var (meeting, key, people, record) in wanted)
        {
            // The briefing is a snapshot taken when it was made: warmth drifts daily, and rewriting it
            // (and its To Do task) on every run would be noise.
            var briefing = record is not null
                ? record.Briefing.Where(b => people.Any(p => p.Address == b.Address)).ToList()
                : people.Select(p => Brief(p, directory, history)).ToList();
            var lastContact = briefing.Max(b => b.LastContact);
            var started = meeting.Start <= inputs.AsOf;
            yield return new FollowUpCandidate
            {
                Key = key,
                Kind = FollowUpKind.BeforeMeeting,
                EventId = meeting.Id,
                Contacts = people.Select(p => p.Address).ToList(),
                Title = lastContact is null
                    ? FollowUpTitles.FirstMeeting(people, meeting.Subject)
                    : FollowUpTitles.Reacquaint(people, meeting.Subject, lastContact.Value),
                Due = meeting.Start,
                Reminder = meeting.Start - options.BriefingReminderLead,
                Meeting = new MeetingReference(meeting.Subject, meeting.Start, meeting.End),
                Briefing = briefing,
                SettledAt = started ? meeting.Start : null,
                SettledBecause = started ? FollowUpResolution.MeetingStarted : null,
            };
        }
    }

    private static bool NeedsBriefing(ContactSummary? contact, DateTimeOffset asOf, FollowUpOptions options) =>
        contact?.LastContact is not { } last || asOf - last >= options.BriefingSilence;

    private static BriefingEntry Brief(Participant person, ContactDirectory directory, ThreadHistory history)
    {
        var contact = directory.Find(person.Address);
        return new BriefingEntry
        {
            Address = person.Address,
            DisplayName = person.DisplayName ?? contact?.DisplayName,
            LastContact = contact?.LastContact,
            Warmth = contact?.Warmth ?? 0,
            Tier = contact?.Tier ?? WarmthTier.Cold.ToWire(),
            LastSubject = history.LastSubjectWith(person.Address),
            IntroducedBy = history.IntroducerOf(person.Address),
        };
    }
}
