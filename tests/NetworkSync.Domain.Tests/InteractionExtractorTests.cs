using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

public sealed class InteractionExtractorTests
{
    private static readonly MailboxIdentity Owner = new("u1", "dana@contoso.example", ["dana.w@contoso.example"]);
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mail_from_an_alias_is_outbound_to_every_recipient_but_the_owner()
    {
        var sink = new List<Interaction>();
        InteractionExtractor.FromMessage(Message(from: "dana.w@contoso.example", "ana@fabrikam.example", "dana@contoso.example", "bo@fabrikam.example"), Owner, sink);

        Assert.Equal(["ana@fabrikam.example", "bo@fabrikam.example"], sink.Select(i => i.ContactAddress));
        Assert.All(sink, i => Assert.Equal(InteractionDirection.Outbound, i.Direction));
        Assert.All(sink, i => Assert.Equal(3, i.AudienceSize));
    }

    [Fact]
    public void Inbound_mail_is_an_interaction_with_the_sender_only()
    {
        var sink = new List<Interaction>();
        InteractionExtractor.FromMessage(Message(from: "ana@fabrikam.example", "dana@contoso.example", "bo@fabrikam.example"), Owner, sink);

        var only = Assert.Single(sink);
        Assert.Equal(("ana@fabrikam.example", InteractionDirection.Inbound), (only.ContactAddress, only.Direction));
    }

    [Fact]
    public void Drafts_are_not_interactions()
    {
        var sink = new List<Interaction>();
        InteractionExtractor.FromMessage(Message(from: "dana@contoso.example", "ana@fabrikam.example") with { IsDraft = true }, Owner, sink);
        Assert.Empty(sink);
    }

    [Theory]
    [InlineData(false, AttendeeResponse.Accepted, -1, 1)]
    [InlineData(true, AttendeeResponse.Accepted, -1, 0)]
    [InlineData(false, AttendeeResponse.Declined, -1, 0)]
    [InlineData(false, AttendeeResponse.TentativelyAccepted, -1, 1)]
    [InlineData(false, AttendeeResponse.Accepted, 1, 0)]
    public void A_meeting_counts_once_it_happened_if_not_cancelled_or_declined(bool cancelled, AttendeeResponse response, int daysFromNow, int expected)
    {
        var meeting = new EventMetadata
        {
            Id = "e1",
            Start = Noon.AddDays(daysFromNow),
            End = Noon.AddDays(daysFromNow).AddHours(1),
            IsCancelled = cancelled,
            Response = response,
            Organizer = new Participant("ana@fabrikam.example", "Ana"),
            Attendees =
            [
                new Attendee(new Participant("dana@contoso.example", "Dana"), AttendeeKind.Required, response),
                new Attendee(new Participant("room-4.12@contoso.example", "Room 4.12"), AttendeeKind.Resource, AttendeeResponse.Accepted),
            ],
        };
        var sink = new List<Interaction>();

        InteractionExtractor.FromEvent(meeting, Owner, Noon, sink);

        Assert.Equal(expected, sink.Count);
        Assert.All(sink, i => Assert.Equal("ana@fabrikam.example", i.ContactAddress));
    }

    private static MessageMetadata Message(string from, params string[] to) => new()
    {
        Id = "m1",
        Folder = "inbox",
        SentAt = Noon,
        ReceivedAt = Noon,
        From = new Participant(from, null),
        Recipients = [.. to.Select(a => new Recipient(RecipientRole.To, new Participant(a, null)))],
    };

    [Fact]
    public void The_owners_role_is_recorded_for_mail_and_meetings()
    {
        var sink = new List<Interaction>();
        var outbound = Message(from: "dana@contoso.example", "ana@fabrikam.example") with
        {
            Recipients = [new Recipient(RecipientRole.To, new Participant("ana@fabrikam.example", null)), new Recipient(RecipientRole.Cc, new Participant("bo@fabrikam.example", null))],
        };
        var copied = Message(from: "cy@fabrikam.example") with { Recipients = [new Recipient(RecipientRole.Cc, new Participant("dana@contoso.example", null))] };
        var viaList = Message(from: "di@fabrikam.example", "team@fabrikam.example");
        InteractionExtractor.FromMessage(outbound, Owner, sink);
        InteractionExtractor.FromMessage(copied, Owner, sink);
        InteractionExtractor.FromMessage(viaList, Owner, sink);
        InteractionExtractor.FromEvent(
            new EventMetadata { Id = "e", Start = Noon.AddDays(-1), End = Noon.AddDays(-1).AddHours(1), Response = AttendeeResponse.TentativelyAccepted, Organizer = new Participant("ed@fabrikam.example", null) },
            Owner,
            Noon,
            sink);

        Assert.Equal(
            [("ana@fabrikam.example", InteractionRole.To), ("bo@fabrikam.example", InteractionRole.Cc), ("cy@fabrikam.example", InteractionRole.Cc), ("di@fabrikam.example", InteractionRole.NotAddressed), ("ed@fabrikam.example", InteractionRole.Tentative)],
            sink.Select(i => (i.ContactAddress, i.Role)));
        Assert.False(sink.Single(i => i.ContactAddress == "di@fabrikam.example").Direct);
    }
}
