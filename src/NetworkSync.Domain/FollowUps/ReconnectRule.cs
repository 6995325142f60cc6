using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.JobChanges;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// Suggests getting back in touch with dormant relationships, strongest past ties first, at most
/// <see cref="FollowUpOptions.ReconnectsPerWeek"/> in any 7 days. One suggestion per dormant spell, so a
/// dismissed or snoozed one is never suggested again for the same silence; it settles by itself when
/// the two are in touch again. A person who has moved to another organisation since (<see cref="JobChangeDetector"/>)
/// is suggested with where they are now ("…, now at Adatum"), a reason to get in touch in itself.
/// </summary>
public static class ReconnectRule
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static IEnumerable<FollowUpCandidate> Evaluate(FollowUpInputs inputs, ContactDirectory directory)
    {
        var mine = inputs.Existing.Where(r => r.Kind == FollowUpKind.Reconnect).ToList();
        var keys = mine.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        // Active suggestions keep their candidate (unchanged) until the two are in touch again.
        foreach (var record in mine.Where(r => r.IsActive))
        {
            var contact = record.Contacts.Count > 0 ? directory.Find(record.Contacts[0]) : null;
            if (contact is null || contact.Automated)
            {
                continue;
            }

            var back = contact.LastContact is { } last && last > record.CreatedAt ? last : (DateTimeOffset?)null;
            yield return new FollowUpCandidate
            {
                Key = record.Key,
                Kind = FollowUpKind.Reconnect,
                Contacts = record.Contacts,
                Title = record.Title,
                Due = record.Due,
                Reminder = record.Reminder,
                SettledAt = back,
                SettledBecause = back is null ? null : FollowUpResolution.Contacted,
            };
        }

        var budget = inputs.Options.ReconnectsPerWeek - mine.Count(r => r.CreatedAt > inputs.AsOf - Week && r.CreatedAt <= inputs.AsOf);
        if (budget <= 0)
        {
            yield break;
        }

        var fresh = inputs.Contacts
            .Where(c => c.Dormant && !c.Automated && c.LastContact is not null && directory.IsPerson(c.Address))
            .Where(c => !keys.Contains(FollowUpKeys.Reconnect(c.Address, c.LastContact!.Value)))
            .OrderByDescending(c => c.WarmthAtLastContact)
            .ThenBy(c => c.Address, StringComparer.Ordinal)
            .Take(budget)
            .ToList();
        var moves = MovesOf(fresh, inputs);
        var due = inputs.Schedule.NextWorkStartFrom(inputs.AsOf);
        foreach (var contact in fresh)
        {
            var person = new Participant(contact.Address, contact.DisplayName);
            yield return new FollowUpCandidate
            {
                Key = FollowUpKeys.Reconnect(contact.Address, contact.LastContact!.Value),
                Kind = FollowUpKind.Reconnect,
                Contacts = [contact.Address],
                Title = FollowUpTitles.Reconnect(person, contact.LastContact.Value, moves.GetValueOrDefault(contact.Address)?.To),
                Due = due,
                Reminder = due,
            };
        }
    }

    /// <summary>The job change of each suggested person with several addresses, from one pass over the mail they sent.</summary>
    private static Dictionary<string, JobChange?> MovesOf(List<ContactSummary> people, FollowUpInputs inputs)
    {
        var moves = new Dictionary<string, JobChange?>(StringComparer.Ordinal);
        var personOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in people.Where(p => p.OtherAddresses.Count > 0))
        {
            personOf[person.Address] = person.Address;
            foreach (var other in person.OtherAddresses)
            {
                personOf.TryAdd(other, person.Address);
            }
        }

        if (personOf.Count == 0)
        {
            return moves;
        }

        var spans = new Dictionary<string, SenderSpan>(StringComparer.Ordinal);
        foreach (var message in inputs.Messages)
        {
            if (message.IsDraft || message.From?.Address is not { } from || !personOf.ContainsKey(from) || message.ReceivedAt > inputs.AsOf)
            {
                continue;
            }

            spans[from] = spans.TryGetValue(from, out var span)
                ? new SenderSpan(from, span.First < message.ReceivedAt ? span.First : message.ReceivedAt, span.Last > message.ReceivedAt ? span.Last : message.ReceivedAt)
                : new SenderSpan(from, message.ReceivedAt, message.ReceivedAt);
        }

        foreach (var group in spans.Values.GroupBy(s => personOf[s.Address], StringComparer.Ordinal))
        {
            moves[group.Key] = JobChangeDetector.Detect(group);
        }

        return moves;
    }
}
