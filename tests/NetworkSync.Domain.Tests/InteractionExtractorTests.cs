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
}
