using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// One scoring's evidence of who appears with whom, read from the mailbox once, so that each warm-path
/// question (the task pane asks for every stranger on the open message) reads only the target's own messages
/// and meetings. What counts as evidence and how it is ranked is <see cref="IntroductionFinder"/>'s.
/// </summary>
public sealed class IntroductionIndex
{
    private readonly List<Evidence> items = [];
    private readonly Dictionary<string, List<int>> itemsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, string By)>> broughtIn = new(StringComparer.Ordinal);
    private readonly MailboxIdentity owner;
    private readonly PersonLookup people;
    private readonly DateTimeOffset asOf;
    private readonly IntroductionOptions options;

    private IntroductionIndex(MailboxIdentity owner, PersonLookup people, DateTimeOffset asOf, IntroductionOptions options)
    {
        this.owner = owner;
        this.people = people;
        this.asOf = asOf;
        this.options = options;
    }

    public static IntroductionIndex Build(
        MailboxIdentity owner,
        IReadOnlyList<MessageMetadata> messages,
        IReadOnlyList<EventMetadata> events,
        IReadOnlyList<ContactSummary> contacts,
        DateTimeOffset asOf,
        IntroductionOptions options) =>
        Build(owner, messages, events, PersonLookup.Of(contacts), asOf, options);

    /// <summary>As above, over a scoring's <see cref="PersonLookup"/> already built (the person index has one).</summary>
    public static IntroductionIndex Build(
        MailboxIdentity owner,
        IReadOnlyList<MessageMetadata> messages,
        IReadOnlyList<EventMetadata> events,
        PersonLookup people,
        DateTimeOffset asOf,
        IntroductionOptions options)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(options);
        var index = new IntroductionIndex(owner, people, asOf, options);
        index.AddMessages(messages);
        index.AddMeetings(events);
        return index;
    }

    /// <summary>The warm paths to <paramref name="target"/>, best first; empty for the owner's own addresses or something that is not an address.</summary>
    public IReadOnlyList<WarmPath> Find(string target)
    {
        if (EmailAddressNormalizer.Normalize(target) is not { } address || owner.IsOwn(address))
        {
            return [];
        }

        var key = people.KeyOf(address);
        var ties = new Dictionary<string, TieAccumulator>(StringComparer.Ordinal);
        TieAccumulator TieOf(string person)
        {
            if (!ties.TryGetValue(person, out var tie))
            {
                tie = new TieAccumulator();
                ties[person] = tie;
            }

            return tie;
        }

        foreach (var position in itemsOf.GetValueOrDefault(key) ?? [])
        {
            var item = items[position];
            var decay = Decay(item.At);
            foreach (var person in item.Named)
            {
                if (person == key)
                {
                    continue;
                }

                if (item.Meeting)
                {
                    TieOf(person).AddMeeting(item.At, IntroductionFinder.MeetingWeightOf(decay));
                }
                else
                {
                    TieOf(person).AddMessage(item.At, decay, sentByThem: person == item.From);
                }
            }
        }

        foreach (var (at, by) in broughtIn.GetValueOrDefault(key) ?? [])
        {
            TieOf(by).AddBroughtIn(IntroductionFinder.BroughtInWeightOf(Decay(at)));
        }

        return IntroductionFinder.Rank(ties, people, options);
    }

    private double Decay(DateTimeOffset at) => Math.Pow(0.5, Math.Max(0, (asOf - at).TotalDays) / options.TieHalfLife.TotalDays);

    private void AddMessages(IReadOnlyList<MessageMetadata> messages)
    {
        var threads = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            // One message synced from two folders (or sent to oneself) is one piece of evidence.
            if (message.IsDraft || message.SentAt > asOf || !seen.Add(message.InternetMessageId ?? message.Id))
            {
                continue;
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            var from = message.From is { } sender && !owner.IsOwn(sender.Address) ? people.KeyOf(sender.Address) : null;
            if (from is not null)
            {
                named.Add(from);
            }

            foreach (var recipient in message.Recipients)
            {
                if (recipient.Role != RecipientRole.Bcc && !owner.IsOwn(recipient.Who.Address))
                {
                    named.Add(people.KeyOf(recipient.Who.Address));
                }
            }

            if (named.Count == 0 || named.Count > options.MaxAudience)
            {
                continue;
            }

            var position = Add(new Evidence(message.SentAt, from, [.. named], Meeting: false));
            if (message.ConversationId is { } conversation)
            {
                if (!threads.TryGetValue(conversation, out var thread))
                {
                    thread = [];
                    threads[conversation] = thread;
                }

                thread.Add(position);
            }
        }

        // In each thread, whoever sent the first message naming a person brought that person in.
        foreach (var thread in threads.Values)
        {
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var position in thread.OrderBy(p => items[p].At))
            {
                var item = items[position];
                foreach (var person in item.Named)
                {
                    if (named.Add(person) && item.From is { } by && by != person)
                    {
                        if (!broughtIn.TryGetValue(person, out var introductions))
                        {
                            introductions = [];
                            broughtIn[person] = introductions;
                        }

                        introductions.Add((item.At, by));
                    }
                }
            }
        }
    }

    private void AddMeetings(IReadOnlyList<EventMetadata> events)
    {
        foreach (var meeting in events)
        {
            // Once it has ended, as scoring counts a meeting.
            if (meeting.IsCancelled || meeting.End > asOf)
            {
                continue;
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var who in meeting.Attendees.Select(a => a.Who).Prepend(meeting.Organizer))
            {
                if (who is not null && !owner.IsOwn(who.Address))
                {
                    named.Add(people.KeyOf(who.Address));
                }
            }

            if (named.Count > 1 && named.Count <= options.MaxAudience)
            {
                Add(new Evidence(meeting.Start, null, [.. named], Meeting: true));
            }
        }
    }

    private int Add(Evidence item)
    {
        var position = items.Count;
        items.Add(item);
        foreach (var person in item.Named)
        {
            if (!itemsOf.TryGetValue(person, out var list))
            {
                list = [];
                itemsOf[person] = list;
            }

            list.Add(position);
        }

        return position;
    }

    private readonly record struct Evidence(DateTimeOffset At, string? From, string[] Named, bool Meeting);
}
