using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkSync.DemoData.Calendar;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Json;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Trickle;

namespace NetworkSync.DemoData;

/// <summary>
/// A trickle of new activity for the live demo, between the mailbox owner and the people planted in a fixture's
/// <c>planted-truth.json</c>: new mail in and out, replies to earlier trickled mail, and meetings.
/// </summary>
/// <remarks>
/// Built from the truth file (or a <see cref="DemoFixtureSummary"/>, which points at it) so it needs nothing but the
/// fixture folder. People are picked in proportion to their planted strength, so warm ties stay warm. The sequence is
/// determined by the seed and the sequence of <c>now</c> values. Ids come from their own scope, so they are unique
/// within the trickle and collide with a fixture id only by a 64-bit coincidence. Not thread-safe.
/// </remarks>
public sealed class DemoTrickle
{
    private const int MaximumOpenConversations = 20;

    private static readonly string[] Subjects =
    [
        "Quick question", "Are you free later?", "Notes from this morning", "Thanks!", "Draft for review",
        "Lunch tomorrow?", "One more thing", "Latest numbers", "Heads-up", "Can we chat?",
    ];

    private static readonly string[] MeetingTitles = ["Quick sync", "Catch-up", "Coffee", "Review", "Planning chat"];

    private readonly TruthFile _truth;
    private readonly SeededRandom _random;
    private readonly GraphIdFactory _ids;
    private readonly double[] _weights;
    private readonly List<OpenConversation> _open = [];

    /// <param name="truthPath">Path of the fixture's <c>planted-truth.json</c>.</param>
    /// <param name="seed">Seeds the trickle; independent of the fixture's own seed.</param>
    public DemoTrickle(string truthPath, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(truthPath);
        _truth = TruthFile.Load(truthPath);
        _random = SeededRandom.For(seed, "trickle");
        _ids = new GraphIdFactory(seed, "trickle:" + _truth.MailboxId);
        // A small floor keeps faint and cold ties possible (a dormant contact may reappear, as in life).
        _weights = _truth.People.Select(person => person.Strength + 0.02).ToArray();
    }

    /// <summary>The trickle for a fixture just written by <see cref="DemoFixtureWriter.Write"/>.</summary>
    public DemoTrickle(DemoFixtureSummary summary, int seed)
        : this((summary ?? throw new ArgumentNullException(nameof(summary))).TruthPath, seed)
    {
    }

    /// <summary>A new message (received or sent) or a meeting starting at <paramref name="now"/>, dated <paramref name="now"/>.</summary>
    public TrickleItem Next(DateTimeOffset now)
    {
        var instant = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (_open.Count > 0 && _random.Chance(0.3))
        {
            return Reply(instant);
        }

        var roll = _random.NextDouble();
        var person = _truth.People[_random.PickWeighted(_weights)];
        return roll switch
        {
            < 0.45 => NewMessage(person, ownerWrites: false, instant),
            < 0.85 => NewMessage(person, ownerWrites: true, instant),
            _ => Meeting(person, instant),
        };
    }

    private TrickleItem NewMessage(TruthPerson person, bool ownerWrites, DateTimeOffset now)
    {
        var ownerAddress = person.IsFriend && _truth.Alias is not null && _random.Chance(0.5) ? _truth.Alias : _truth.Owner;
        var subject = _random.Pick(Subjects);
        var conversation = new OpenConversation(person, ownerAddress, _ids.NextConversationId(), subject, ownerWrites);
        Remember(conversation);
        return Message(conversation, subject, now);
    }

    private TrickleItem Reply(DateTimeOffset now)
    {
        var index = _random.Next(_open.Count);
        var answered = _open[index];
        var reply = answered with { OwnerWroteLast = !answered.OwnerWroteLast };
        _open[index] = reply;
        return Message(reply, SubjectLines.AsReply(answered.Subject), now);
    }

    private TrickleItem Message(OpenConversation conversation, string subject, DateTimeOffset now)
    {
        var from = conversation.OwnerWroteLast ? conversation.OwnerAddress : conversation.Person.Address;
        var to = conversation.OwnerWroteLast ? conversation.Person.Address : conversation.OwnerAddress;
        var folder = conversation.OwnerWroteLast ? MailFolder.SentItems : MailFolder.Inbox;
        var message = new GeneratedMessage
        {
            Id = _ids.NextItemId(),
            Folder = folder,
            ConversationId = conversation.ConversationId,
            InternetMessageId = _ids.NextInternetMessageId(from.Address),
            Subject = subject,
            From = from,
            To = [to],
            Sent = now,
            Received = now,
            IsRead = conversation.OwnerWroteLast,
            IsFromOwner = conversation.OwnerWroteLast,
        };
        var folderId = "AAMkAD" + GraphIdFactory.NamedOpaque(_truth.Seed, "folder:" + folder, 32);
        return new TrickleItem(folder, Serialise(writer => GraphMessageJson.Write(writer, message, folderId)));
    }

    private TrickleItem Meeting(TruthPerson person, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var ownerOrganises = _random.Chance(0.5);
        var accepted = start - TimeSpan.FromHours(1);
        var meeting = new GeneratedEvent
        {
            Id = _ids.NextItemId(),
            ICalUId = MeetingFactory.NewICalUId(_random),
            Subject = _random.Pick(MeetingTitles),
            Start = start,
            End = start + TimeSpan.FromMinutes(30),
            Organizer = ownerOrganises ? _truth.Owner : person.Address,
            IsOrganizer = ownerOrganises,
            OwnerResponse = ownerOrganises ? ResponsePicker.Organizer : ResponsePicker.Accepted,
            OwnerResponseTime = ownerOrganises ? null : accepted,
            Attendees = ownerOrganises
                ? [new EventAttendee(person.Address, "required", ResponsePicker.Accepted, accepted)]
                : [new EventAttendee(_truth.Owner, "required", ResponsePicker.Accepted, accepted)],
            Location = EventLocation.Teams,
            IsOnlineMeeting = true,
            Created = start - TimeSpan.FromDays(1),
        };
        return new TrickleItem("calendar", Serialise(writer => GraphEventJson.Write(writer, meeting)));
    }

    private void Remember(OpenConversation conversation)
    {
        _open.Add(conversation);
        if (_open.Count > MaximumOpenConversations)
        {
            _open.RemoveAt(0);
        }
    }

    /// <summary>Goes through the fixture's own writers, so trickled resources have exactly the fixture's shape.</summary>
    private static JsonObject Serialise(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, GraphJsonFormat.CompactOptions))
        {
            write(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}
