using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests.FollowUps;

/// <summary>
/// A small mailbox whose follow-ups are kept the way the service keeps them: each run scores the
/// relationships with the real model, runs the rules and applies the planned changes to a store.
/// </summary>
internal sealed class FollowUpWorld
{
    public const string Dana = "dana@contoso.example";
    public const string DanaAlias = "dana.w@contoso.example";

    public static readonly WorkingSchedule Pacific = new() { TimeZone = "Pacific Standard Time" };

    private readonly Dictionary<string, FollowUpRecord> store = new(StringComparer.Ordinal);

    public MailboxIdentity Owner { get; } = new("u1", Dana, [DanaAlias]);

    public List<EventMetadata> Events { get; } = [];

    public List<MessageMetadata> Messages { get; } = [];

    public FollowUpOptions Options { get; set; } = new();

    public WorkingSchedule Schedule { get; set; } = Pacific;

    public RelationshipOptions Relationships { get; set; } = new();

    public IReadOnlyCollection<FollowUpRecord> All => store.Values;

    /// <summary>What a user would see: everything but withdrawn follow-ups.</summary>
    public IReadOnlyList<FollowUpRecord> Visible => store.Values.Where(r => r.Status != FollowUpStatus.Withdrawn).OrderBy(r => r.Due).ToList();

    /// <summary>Runs the rules at <paramref name="asOf"/>, applies the plan, and returns what changed.</summary>
    public IReadOnlyList<FollowUpRecord> Run(DateTimeOffset asOf)
    {
        var changes = FollowUpEngine.Run(new FollowUpInputs
        {
            MailboxId = "u1",
            Owner = Owner,
            AsOf = asOf,
            Events = Events,
            Messages = Messages,
            Contacts = Score(asOf),
            Existing = store.Values.ToList(),
            Schedule = Schedule,
            Options = Options,
        });
        foreach (var change in changes)
        {
            store[change.Key] = change;
        }

        return changes;
    }

    public FollowUpRecord Get(string key) => store[key];

    public void Put(FollowUpRecord record) => store[record.Key] = record;

    public IReadOnlyList<ContactSummary> Score(DateTimeOffset asOf)
    {
        var interactions = new List<Interaction>();
        foreach (var message in Messages)
        {
            InteractionExtractor.FromMessage(message, Owner, interactions);
        }

        foreach (var meeting in Events)
        {
            InteractionExtractor.FromEvent(meeting, Owner, asOf, interactions);
        }

        return ContactAggregator.Summarize(interactions, BulkSenderDetector.Senders(Messages), asOf, Relationships);
    }

    public EventMetadata Meeting(string id, DateTimeOffset start, TimeSpan length, string subject, params string[] others)
    {
        var meeting = new EventMetadata
        {
            Id = id,
            Start = start,
            End = start + length,
            Subject = subject,
            IsOrganizer = true,
            Response = AttendeeResponse.Organizer,
            Organizer = new Participant(Dana, "Dana Whitfield"),
            Attendees = others.Select(a => new Attendee(new Participant(a, NameOf(a)), AttendeeKind.Required, AttendeeResponse.Accepted)).ToList(),
        };
        Events.Add(meeting);
        return meeting;
    }

    public void Replace(EventMetadata meeting)
    {
        Events.RemoveAll(e => e.Id == meeting.Id);
        Events.Add(meeting);
    }

    public MessageMetadata Mail(DateTimeOffset at, string from, params string[] to)
    {
        var message = new MessageMetadata
        {
            Id = "m" + Messages.Count,
            Folder = from == Dana ? "sentitems" : "inbox",
            SentAt = at,
            ReceivedAt = at,
            From = new Participant(from, NameOf(from)),
            Recipients = to.Select(a => new Recipient(RecipientRole.To, new Participant(a, NameOf(a)))).ToList(),
            ConversationId = "c" + Messages.Count,
            Subject = "Subject " + Messages.Count,
        };
        Messages.Add(message);
        return message;
    }

    /// <summary>A relationship that is real to the model: two two-way threads, the last one at <paramref name="last"/>.</summary>
    public void Acquaint(string address, DateTimeOffset last, int threads = 2)
    {
        for (var i = threads - 1; i >= 0; i--)
        {
            var at = last.AddDays(-14 * i);
            var conversation = "t-" + address + i;
            Messages.Add(new MessageMetadata
            {
                Id = "in-" + address + i,
                Folder = "inbox",
                SentAt = at.AddHours(-2),
                ReceivedAt = at.AddHours(-2),
                From = new Participant(address, NameOf(address)),
                Recipients = [new Recipient(RecipientRole.To, new Participant(Dana, "Dana Whitfield"))],
                ConversationId = conversation,
                Subject = $"Thread {i} with {NameOf(address)}",
            });
            Messages.Add(new MessageMetadata
            {
                Id = "out-" + address + i,
                Folder = "sentitems",
                SentAt = at,
                ReceivedAt = at,
                From = new Participant(Dana, "Dana Whitfield"),
                Recipients = [new Recipient(RecipientRole.To, new Participant(address, NameOf(address)))],
                ConversationId = conversation,
                Subject = $"Re: Thread {i} with {NameOf(address)}",
            });
        }
    }

    /// <summary>"ana.abe@fabrikam.example" → "Ana Abe".</summary>
    public static string NameOf(string address)
    {
        var local = address.Split('@')[0];
        return string.Join(' ', local.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
