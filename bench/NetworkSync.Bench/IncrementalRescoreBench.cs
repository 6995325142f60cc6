using System.Diagnostics;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Learning;

namespace NetworkSync.Bench;

/// <summary>
/// After a synced page, rescoring only the people it touched against recomputing the whole mailbox,
/// side by side in one run: a 100,000-message mailbox (2,000 people, each inbound message copying up
/// to three colleagues, 1,000 meetings) scored once with a model fitted on it, then pages of new,
/// updated and removed messages applied one at a time (<see cref="IncrementalContactScores.Apply"/>),
/// with a full recompute (interactions extracted from every message and meeting, then
/// <see cref="ContactAggregator.Summarize"/>) after every few pages. Pure CPU, as the score cache runs
/// it; not timed: reading the page's rows back by id and the full recompute's load of the mailbox
/// from the database (which only the full recompute needs whole).
/// </summary>
internal static class IncrementalRescoreBench
{
    private const string Owner = "me@contoso.example";

    public static int Run(int messageCount, int contacts, int pageSize, int pages, int fullEvery)
    {
        var asOf = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var random = new Random(42);
        var owner = new MailboxIdentity("bench", Owner, []);
        var addresses = Enumerable.Range(0, contacts).Select(i => $"person{i}@company{i % 97}.example").ToArray();
        var next = 0;
        MessageMetadata NewMessage(string? id = null)
        {
            var c = (int)(contacts * Math.Pow(random.NextDouble(), 2.5));
            var at = asOf.AddMinutes(-random.Next(0, 730 * 24 * 60));
            var outbound = random.Next(10) < 4;
            var audience = random.Next(1, 5);
            var recipients = new List<Recipient>();
            if (outbound)
            {
                for (var k = 0; k < audience; k++)
                {
                    var mate = (c + (k * 97)) % contacts;
                    recipients.Add(new Recipient(k == 0 ? RecipientRole.To : RecipientRole.Cc, new Participant(addresses[mate], $"First{mate} Last{mate}")));
                }
            }
            else
            {
                recipients.Add(new Recipient(RecipientRole.To, new Participant(Owner, "Me")));
                for (var k = 1; k < audience; k++)
                {
                    var mate = (c + (k * 97)) % contacts;
                    recipients.Add(new Recipient(RecipientRole.Cc, new Participant(addresses[mate], $"First{mate} Last{mate}")));
                }
            }

            return new MessageMetadata
            {
                Id = id ?? $"m{next++}",
                Folder = outbound ? "sentitems" : "inbox",
                SentAt = at,
                ReceivedAt = at,
                From = outbound ? new Participant(Owner, "Me") : new Participant(addresses[c], $"First{c} Last{c}"),
                Recipients = recipients,
                ConversationId = $"c{c}-{random.Next(60)}",
            };
        }

        var messages = Enumerable.Range(0, messageCount).Select(_ => NewMessage()).ToList();
        var events = Enumerable.Range(0, 1000).Select(e =>
        {
            var start = asOf.AddHours(-random.Next(0, 730 * 24));
            var people = Enumerable.Range(0, random.Next(1, 5)).Select(_ => (int)(contacts * Math.Pow(random.NextDouble(), 2.5))).Distinct();
            return new EventMetadata
            {
                Id = $"e{e}",
                Start = start,
                End = start.AddMinutes(30),
                IsOrganizer = true,
                Response = AttendeeResponse.Organizer,
                Organizer = new Participant(Owner, "Me"),
                Attendees = people.Select(p => new Attendee(new Participant(addresses[p], $"First{p} Last{p}"), AttendeeKind.Required, AttendeeResponse.Accepted)).ToList(),
            };
        }).ToList();

        var options = new RelationshipOptions();
        var all = Interactions(messages, events, owner, asOf);
        var model = WarmthModelTrainer.Fit(all, asOf, IdentityResolver.Resolve(all, options.KeptApart, options.ConfirmedMerges));
        var contactsNow = ContactAggregator.Summarize(all, BulkSenderDetector.Senders(messages), asOf, options, model);

        var stopwatch = Stopwatch.StartNew();
        var state = new IncrementalContactScores(owner, messages, events, asOf, options, model, contactsNow);
        var build = stopwatch.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine(FormattableString.Invariant($"{all.Count:N0} interactions, {contactsNow.Count:N0} people, {model.Reason}; incremental state built in {build:0.0} ms"));

        var stored = messages.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var incremental = new List<double>();
        var full = new List<double>();
        var touched = new List<int>();
        var fallbacks = 0;
        for (var page = 0; page < pages; page++)
        {
            // A synced page: mostly new mail, some updated in place (read, moved), some removed.
            var upserts = new List<MessageMetadata>();
            var removed = new List<string>();
            for (var k = 0; k < pageSize; k++)
            {
                var kind = random.Next(10);
                if (kind < 7)
                {
                    upserts.Add(NewMessage());
                }
                else if (kind < 9)
                {
                    upserts.Add(NewMessage(messages[random.Next(messages.Count)].Id));
                }
                else
                {
                    removed.Add(messages[random.Next(messages.Count)].Id);
                }
            }

            removed = removed.Where(id => !upserts.Exists(u => u.Id == id)).Distinct().ToList();
            foreach (var message in upserts)
            {
                stored[message.Id] = message;
            }

            foreach (var id in removed)
            {
                stored.Remove(id);
            }

            messages = stored.Values.ToList();
            stopwatch.Restart();
            var applied = state.Apply(upserts, removed, [], []);
            incremental.Add(stopwatch.Elapsed.TotalMilliseconds);
            touched.Add(state.LastTouched.Count);
            if (!applied)
            {
                fallbacks++;
                state = new IncrementalContactScores(owner, messages, events, asOf, options, model, Full(messages, events, owner, asOf, options, model));
            }

            if (page % fullEvery == 0)
            {
                stopwatch.Restart();
                var recomputed = Full(messages, events, owner, asOf, options, model);
                full.Add(stopwatch.Elapsed.TotalMilliseconds);
                if (recomputed.Count != state.Contacts.Count || !recomputed.Select(c => (c.Address, c.Probability)).SequenceEqual(state.Contacts.Select(c => (c.Address, c.Probability))))
                {
                    Console.Error.WriteLine("incremental and full recompute differ");
                    return 1;
                }
            }
        }

        incremental.Sort();
        full.Sort();
        touched.Sort();
        Console.WriteLine("| metric | target | measured |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine(FormattableString.Invariant($"| rescore after one synced page of {pageSize} messages (only the people it touched: median {touched[touched.Count / 2]}), {messageCount:N0}-message mailbox, {pages} pages | p50 ≤ 20 ms | p50 {Percentile(incremental, 0.5):0.0} ms, p95 {Percentile(incremental, 0.95):0.0} ms (max {incremental[^1]:0.0}) |"));
        Console.WriteLine(FormattableString.Invariant($"| full recompute of the same mailbox, same run, {full.Count} times | | p50 {Percentile(full, 0.5):0} ms, p95 {Percentile(full, 0.95):0} ms |"));
        Console.WriteLine(FormattableString.Invariant($"| first page after a full recompute: building the incremental state | | {build:0} ms |"));
        Console.WriteLine(FormattableString.Invariant($"| pages that fell back to a full recompute | | {fallbacks} of {pages} |"));
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static IReadOnlyList<ContactSummary> Full(List<MessageMetadata> messages, List<EventMetadata> events, MailboxIdentity owner, DateTimeOffset asOf, RelationshipOptions options, WarmthModel model) =>
        ContactAggregator.Summarize(Interactions(messages, events, owner, asOf), BulkSenderDetector.Senders(messages), asOf, options, model);

    // As the score cache's full recompute extracts them.
    private static List<Interaction> Interactions(List<MessageMetadata> messages, List<EventMetadata> events, MailboxIdentity owner, DateTimeOffset asOf) =>
        InteractionSource.At(owner, messages, events, asOf);
}
