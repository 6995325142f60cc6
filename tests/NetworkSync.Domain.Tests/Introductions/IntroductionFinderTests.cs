using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;

namespace NetworkSync.Domain.Tests.Introductions;

public sealed class IntroductionFinderTests
{
    private const string OwnerAddress = "dana@contoso.example";
    private const string Target = "tess@fabrikam.example";
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly MailboxIdentity Owner = new("owner-id", OwnerAddress, ["dana.w@contoso.example"]);
    private static readonly IntroductionOptions Options = new();

    [Fact]
    public void A_frequent_co_sender_beats_a_hot_contact_copied_once_and_each_says_why()
    {
        var messages = new List<MessageMetadata>
        {
            // The decoy, very warm with the owner, was copied with the target once.
            Message("d1", AsOf.AddDays(-5), "hugo@contoso.example", to: [OwnerAddress, Target]),
        };
        for (var i = 0; i < 8; i++)
        {
            messages.Add(Message($"c{i}", AsOf.AddDays(-20 - (i * 14)), "cara@contoso.example", to: [Target], cc: [OwnerAddress], conversation: $"t{i}"));
        }

        var paths = Find(messages, Contact("hugo@contoso.example", "Hugo Hale", 0.95, "hot"), Contact("cara@contoso.example", "Cara Cole", 0.2, "cool"));

        Assert.Equal(["cara@contoso.example", "hugo@contoso.example"], paths.Select(p => p.Address));
        Assert.Equal(8, paths[0].Evidence.SharedMessages);
        Assert.Equal(8, paths[0].Evidence.FromIntroducer);
        Assert.StartsWith("Cara Cole (cool) brought them into 8 threads", paths[0].Explanation, StringComparison.Ordinal);
        Assert.Equal("Hugo Hale (hot) has copied them on 1 message since November 2026", paths[1].Explanation);
        Assert.Equal(AsOf.AddDays(-5), paths[1].Evidence.LastTogether);
    }

    [Theory]
    [InlineData(1.0, 0.0, 4)]
    [InlineData(0.9, 0.1, 4)]
    [InlineData(1.0, 0.0, 12)]
    public void A_once_copied_decoy_at_any_warmth_never_beats_a_co_sender_of_four_messages_or_more(double decoyWarmth, double coSenderWarmth, int messages)
    {
        var mail = new List<MessageMetadata> { Message("d1", AsOf.AddDays(-1), "hugo@contoso.example", to: [OwnerAddress, Target]) };
        mail.AddRange(Enumerable.Range(0, messages).Select(i => Message($"c{i}", AsOf.AddDays(-30 - (i * 7)), "cara@contoso.example", to: [Target, OwnerAddress])));

        var paths = Find(mail, Contact("hugo@contoso.example", "Hugo Hale", decoyWarmth, "hot"), Contact("cara@contoso.example", "Cara Cole", coSenderWarmth, "cold"));

        Assert.Equal("cara@contoso.example", paths[0].Address);
    }

    [Fact]
    public void The_owner_automated_senders_lists_muted_and_excluded_people_are_never_introducers()
    {
        MessageMetadata[] messages =
        [
            Message("m1", AsOf.AddDays(-3), "dana.w@contoso.example", to: [Target, "ida@contoso.example"]),
            Message("m2", AsOf.AddDays(-4), "noreply@service.example", to: [Target, OwnerAddress]),
            Message("m3", AsOf.AddDays(-5), "all-staff@contoso.example", to: [Target, OwnerAddress]),
            Message("m4", AsOf.AddDays(-6), "mo@contoso.example", to: [Target, OwnerAddress]),
            Message("m5", AsOf.AddDays(-7), "ex@contoso.example", to: [Target, OwnerAddress]),
            Message("m6", AsOf.AddDays(-8), "bot@contoso.example", to: [Target, OwnerAddress]),
        ];
        ContactSummary[] contacts =
        [
            Contact("ida@contoso.example", "Ida Iles", 0.5, "warm"),
            Contact("noreply@service.example", null, 0.1, "cold"),
            Contact("all-staff@contoso.example", "All staff", 0.1, "cold"),
            Contact("mo@contoso.example", "Mo Moss", 0.9, "hot"),
            Contact("ex@contoso.example", "Ex Ell", 0.9, "hot"),
            Contact("bot@contoso.example", "Build Bot", 0.9, "hot") with { Automated = true },
        ];
        var options = Options with
        {
            Muted = new HashSet<string>(StringComparer.Ordinal) { "mo@contoso.example" },
            Excluded = new HashSet<string>(StringComparer.Ordinal) { "ex@contoso.example" },
        };

        var paths = IntroductionFinder.Find(Target, Owner, messages, [], contacts, AsOf, options);

        // Only Ida, named beside the target on the owner's own message, remains.
        Assert.Equal("ida@contoso.example", Assert.Single(paths).Address);
        Assert.Empty(IntroductionFinder.Find("dana.w@contoso.example", Owner, messages, [], contacts, AsOf, Options));
    }

    [Fact]
    public void Nobody_known_with_the_target_bcc_crowds_later_and_draft_mail_give_no_path()
    {
        var crowd = Enumerable.Range(0, 25).Select(i => $"p{i}@contoso.example").Append(Target).ToArray();
        MessageMetadata[] messages =
        [
            Message("b1", AsOf.AddDays(-3), "ida@contoso.example", to: [OwnerAddress], bcc: [Target]),
            Message("c1", AsOf.AddDays(-3), "ida@contoso.example", to: crowd),
            Message("f1", AsOf.AddDays(3), "ida@contoso.example", to: [Target, OwnerAddress]),
            Message("d1", AsOf.AddDays(-3), "ida@contoso.example", to: [Target, OwnerAddress]) with { IsDraft = true },
        ];
        ContactSummary[] contacts = [Contact("ida@contoso.example", "Ida Iles", 0.5, "warm")];

        Assert.Empty(IntroductionFinder.Find(Target, Owner, messages, [], contacts, AsOf, Options));
        Assert.Empty(IntroductionFinder.Find("nobody@nowhere.example", Owner, messages, [], contacts, AsOf, Options));
        Assert.Empty(IntroductionFinder.Find("not an address", Owner, messages, [], contacts, AsOf, Options));
    }

    [Fact]
    public void Meetings_count_and_a_persons_second_address_counts_for_the_same_person()
    {
        MessageMetadata[] messages =
        [
            Message("m1", AsOf.AddDays(-30), "ana@newjob.example", to: [Target, OwnerAddress]),
            Message("m2", AsOf.AddDays(-300), "ana.abe@oldjob.example", to: [Target, OwnerAddress]),
        ];
        EventMetadata[] events =
        [
            Meeting("e1", AsOf.AddDays(-10), "ana@newjob.example", Target, OwnerAddress),
            Meeting("e2", AsOf.AddDays(5), "ana@newjob.example", Target, OwnerAddress),
        ];
        ContactSummary[] contacts = [Contact("ana@newjob.example", "Ana Abe", 0.7, "warm") with { OtherAddresses = ["ana.abe@oldjob.example"] }];

        var path = Assert.Single(IntroductionFinder.Find(Target, Owner, messages, events, contacts, AsOf, Options));

        Assert.Equal(("ana@newjob.example", 2, 2, 1), (path.Address, path.Evidence.SharedMessages, path.Evidence.FromIntroducer, path.Evidence.SharedMeetings));
        Assert.Equal(AsOf.AddDays(-10), path.Evidence.LastTogether);
        Assert.Equal("Ana Abe (warm) has copied them on 2 messages since January 2026, and met them 1 time", path.Explanation);
    }

    [Fact]
    public void A_stronger_tie_and_a_warmer_introducer_each_rank_higher()
    {
        MessageMetadata[] Shared(string introducer, int count) =>
            Enumerable.Range(0, count).Select(i => Message($"{introducer}{i}", AsOf.AddDays(-10 - i), OwnerAddress, to: [introducer, Target])).ToArray();

        var moreMessages = Find([.. Shared("a@x.example", 6), .. Shared("b@x.example", 2)], Contact("a@x.example", "A A", 0.5, "warm"), Contact("b@x.example", "B B", 0.5, "warm"));
        var warmer = Find([.. Shared("a@x.example", 3), .. Shared("b@x.example", 3)], Contact("a@x.example", "A A", 0.3, "cool"), Contact("b@x.example", "B B", 0.6, "warm"));

        Assert.Equal("a@x.example", moreMessages[0].Address);
        Assert.True(moreMessages[0].Score > moreMessages[1].Score);
        Assert.Equal("b@x.example", warmer[0].Address);
    }

    private static List<WarmPath> Find(IReadOnlyList<MessageMetadata> messages, params ContactSummary[] contacts) =>
        IntroductionFinder.Find(Target, Owner, messages, [], contacts, AsOf, Options).ToList();

    private static ContactSummary Contact(string address, string? name, double probability, string tier) =>
        new() { Address = address, DisplayName = name, Probability = probability, Warmth = Math.Round(probability * 100), Tier = tier };

    private static MessageMetadata Message(string id, DateTimeOffset at, string from, string[] to, string[]? cc = null, string[]? bcc = null, string? conversation = null) => new()
    {
        Id = id,
        Folder = "inbox",
        SentAt = at,
        ReceivedAt = at,
        From = new Participant(from, null),
        ConversationId = conversation,
        Recipients =
        [
            .. to.Select(a => new Recipient(RecipientRole.To, new Participant(a, null))),
            .. (cc ?? []).Select(a => new Recipient(RecipientRole.Cc, new Participant(a, null))),
            .. (bcc ?? []).Select(a => new Recipient(RecipientRole.Bcc, new Participant(a, null))),
        ],
    };

    private static EventMetadata Meeting(string id, DateTimeOffset start, string organizer, params string[] attendees) => new()
    {
        Id = id,
        Start = start,
        End = start.AddHours(1),
        Organizer = new Participant(organizer, null),
        Attendees = attendees.Select(a => new Attendee(new Participant(a, null), AttendeeKind.Required, AttendeeResponse.Accepted)).ToArray(),
    };
}
