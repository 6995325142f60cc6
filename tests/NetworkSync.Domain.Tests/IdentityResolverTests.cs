using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

public sealed class IdentityResolverTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Ana Abe", "ana abe")]
    [InlineData("  \"Abe, Ana\" ", "abe ana")]
    [InlineData("Ana Abe (External)", "abe ana")]
    [InlineData("ANA ABE [Contoso]", "abe ana")]
    [InlineData("Ana", null)]
    [InlineData("ana.abe@contoso.example", null)]
    [InlineData(null, null)]
    public void Name_keys_ignore_case_order_and_tags_and_need_two_words(string? name, string? expected)
    {
        var key = PersonNameKey.From(name);
        if (expected is null)
        {
            Assert.Null(key);
        }
        else
        {
            Assert.Equal(PersonNameKey.From(expected), key);
        }
    }

    [Fact]
    public void A_display_name_alone_never_merges_two_addresses_it_suggests_them()
    {
        var resolution = IdentityResolver.Resolve(
        [
            new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-300), 1, "a"),
            new Interaction("ana@newjob.example", "Abe, Ana", InteractionDirection.Inbound, AsOf.AddDays(-10), 1, "b"),
            new Interaction("bo@x.example", "Bo", InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "c"),
            new Interaction("bo@y.example", "Bo", InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "d"),
        ]);

        Assert.Empty(resolution.MergedInto);
        var suggestion = Assert.Single(resolution.Suggestions);
        Assert.Equal(("ana.abe@contoso.example", "ana@newjob.example"), (suggestion.Address, suggestion.OtherAddress));
    }

    [Fact]
    public void An_answer_from_another_address_in_the_owners_thread_merges_and_says_why()
    {
        var resolution = IdentityResolver.Resolve(
        [
            new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-30), 1, "a", ConversationId: "q3"),
            new Interaction("ana@newjob.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-29), 1, "b", ConversationId: "q3"),
        ]);

        Assert.Equal("ana@newjob.example", resolution.MergedInto["ana.abe@contoso.example"]);
        Assert.StartsWith("replied from ana@newjob.example in a thread with ana.abe@contoso.example", resolution.Because["ana.abe@contoso.example"], StringComparison.Ordinal);
        Assert.Empty(resolution.Suggestions);
    }

    [Fact]
    public void The_same_local_part_at_two_domains_under_one_name_merges()
    {
        var resolution = IdentityResolver.Resolve(
        [
            new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-300), 1, "a"),
            new Interaction("ana.abe@newjob.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-10), 1, "b"),
            new Interaction("ana.abe@other.example", "Ana Berg", InteractionDirection.Inbound, AsOf.AddDays(-10), 1, "c"),
        ]);

        Assert.Equal("ana.abe@newjob.example", Assert.Single(resolution.MergedInto).Value);
        Assert.Contains("same name and address", resolution.Because["ana.abe@contoso.example"], StringComparison.Ordinal);
    }

    [Fact]
    public void Namesakes_on_one_message_are_two_people_never_merged_nor_suggested()
    {
        var resolution = IdentityResolver.Resolve(
        [
            // Both copied on one message from a third person, then each answers in the owner's thread.
            new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.CoRecipient, AsOf.AddDays(-40), 3, "m1", Direct: false, ConversationId: "t"),
            new Interaction("ana.abe@fabrikam.example", "Ana Abe", InteractionDirection.CoRecipient, AsOf.AddDays(-40), 3, "m1", Direct: false, ConversationId: "t"),
            new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-39), 1, "m2", ConversationId: "t"),
            new Interaction("ana.abe@fabrikam.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-38), 1, "m3", ConversationId: "t"),
        ]);

        Assert.Empty(resolution.MergedInto);
        Assert.Empty(resolution.Suggestions);
    }

    [Fact]
    public void Two_addresses_of_one_directory_person_merge_with_no_name_and_say_why_unless_kept_apart()
    {
        var directory = new Dictionary<string, DirectoryPerson>(StringComparer.Ordinal)
        {
            ["ana.abe@contoso.example"] = new("user-ana", "Ana Abe"),
            ["aabe@contoso.example"] = new("user-ana", "Ana Abe"),
            ["bo@contoso.example"] = new("user-bo", "Bo Berg"),
        };
        Interaction[] interactions =
        [
            // Different display names, and both once copied on one message: only the directory joins them.
            new("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-3), 1, "a"),
            new("aabe@contoso.example", "AA", InteractionDirection.Inbound, AsOf.AddDays(-30), 1, "b"),
            new("aabe@contoso.example", null, InteractionDirection.CoRecipient, AsOf.AddDays(-40), 3, "c", Direct: false),
            new("ana.abe@contoso.example", null, InteractionDirection.CoRecipient, AsOf.AddDays(-40), 3, "c", Direct: false),
            new("bo@contoso.example", "Bo Berg", InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "d"),
        ];

        var resolution = IdentityResolver.Resolve(interactions, directory: directory);
        var without = IdentityResolver.Resolve(interactions);
        var apart = IdentityResolver.Resolve(interactions, keptApart: new HashSet<(string, string)> { ("aabe@contoso.example", "ana.abe@contoso.example") }, directory: directory);

        Assert.Equal("ana.abe@contoso.example", Assert.Single(resolution.MergedInto).Value);
        Assert.Equal("both are addresses of Ana Abe in your organisation's directory", resolution.Because["aabe@contoso.example"]);
        Assert.Empty(without.MergedInto);
        Assert.Empty(apart.MergedInto);
    }

    [Fact]
    public void A_pair_the_user_kept_apart_stays_apart_robots_never_merge_and_a_confirmed_pair_merges()
    {
        Interaction[] interactions =
        [
            new("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-300), 1, "a", ConversationId: "t"),
            new("ana@newjob.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-10), 1, "b", ConversationId: "t"),
            new("noreply@shop.example", "Shop Team", InteractionDirection.Inbound, AsOf.AddDays(-3), 1, "c"),
            new("noreply@shop2.example", "Shop Team", InteractionDirection.Inbound, AsOf.AddDays(-2), 1, "d"),
            new("bo@x.example", "Bo", InteractionDirection.Inbound, AsOf.AddDays(-2), 1, "e"),
            new("robert@y.example", "Robert Berg", InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "f"),
        ];

        var kept = IdentityResolver.Resolve(interactions, new HashSet<(string, string)> { ("ana@newjob.example", "ana.abe@contoso.example") });
        Assert.Empty(kept.MergedInto);
        Assert.Empty(kept.Suggestions);
        var confirmed = IdentityResolver.Resolve(interactions, confirmed: new HashSet<(string, string)> { ("bo@x.example", "robert@y.example") });
        Assert.Equal("robert@y.example", confirmed.MergedInto["bo@x.example"]);
        Assert.Equal("you said these are one person", confirmed.Because["bo@x.example"]);
        Assert.DoesNotContain(confirmed.MergedInto.Keys, k => k.StartsWith("noreply", StringComparison.Ordinal));
    }

    [Fact]
    public void A_person_who_moved_company_and_answered_the_old_thread_is_one_contact_and_not_dormant()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-400), 1, "a", ConversationId: "t1"),
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-399), 1, "b", ConversationId: "t1"),
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-300), 1, "c", ConversationId: "t2"),
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-299), 1, "d", ConversationId: "t2"),
                new Interaction("ana@newjob.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-20), 1, "e", ConversationId: "t2"),
            ],
            new HashSet<string>(),
            AsOf,
            new RelationshipOptions());

        var ana = Assert.Single(list);
        Assert.Equal("ana@newjob.example", ana.Address);
        Assert.Equal(["ana.abe@contoso.example"], ana.OtherAddresses);
        Assert.False(ana.Dormant);
        Assert.Equal(AsOf.AddDays(-20), ana.LastContact);
    }
}
