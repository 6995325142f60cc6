using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Privacy;

namespace NetworkSync.Domain.Tests.Privacy;

public sealed class RedactionTests
{
    private const string Owner = "me@contoso.example";
    private const string Alias = "me.alias@contoso.example";
    private const string Gone = "gone@fabrikam.example";
    private const string Ana = "ana@fabrikam.example";
    private static readonly DateTimeOffset At = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Redaction Rule = new([Gone], [Owner, Alias]);

    [Fact]
    public void Mail_the_forgotten_person_took_no_part_in_is_left_as_it_is()
    {
        var message = Message(new Participant(Ana, "Ana"), To(Owner));

        Assert.Same(message, Rule.Redact(message));
    }

    [Fact]
    public void The_forgotten_person_is_cut_out_and_the_others_stay()
    {
        var message = Message(new Participant(Gone.ToUpperInvariant(), "Gone"), To(Owner), To(Ana));

        var redacted = Rule.Redact(message);

        Assert.NotNull(redacted);
        Assert.Null(redacted.From);
        Assert.Equal([Owner, Ana], redacted.Recipients.Select(r => r.Who.Address));
    }

    [Fact]
    public void Mail_left_with_no_one_but_the_owner_is_dropped()
    {
        Assert.Null(Rule.Redact(Message(new Participant(Gone, "Gone"), To(Owner), To(Alias))));
    }

    [Fact]
    public void A_meeting_left_with_the_owner_alone_is_dropped_and_one_with_others_keeps_them()
    {
        var alone = Meeting(new Participant(Owner, "Me"), Gone);
        var shared = Meeting(new Participant(Owner, "Me"), Gone, Ana);

        Assert.Null(Rule.Redact(alone));
        Assert.Equal([Ana], Rule.Redact(shared)!.Attendees.Select(a => a.Who.Address));
    }

    private static Recipient To(string address) => new(RecipientRole.To, new Participant(address, null));

    private static MessageMetadata Message(Participant from, params Recipient[] recipients) => new()
    {
        Id = "m1",
        Folder = "inbox",
        SentAt = At,
        ReceivedAt = At,
        From = from,
        Recipients = recipients,
    };

    private static EventMetadata Meeting(Participant organizer, params string[] attendees) => new()
    {
        Id = "e1",
        Start = At,
        End = At.AddHours(1),
        Organizer = organizer,
        Attendees = attendees.Select(a => new Attendee(new Participant(a, null), AttendeeKind.Required, AttendeeResponse.Accepted)).ToList(),
    };
}
