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
    public void Addresses_with_one_full_name_merge_into_the_most_recently_used_one()
    {
        var merged = IdentityResolver.Resolve(
        [
            new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-300), 1, "a"),
            new Interaction("ana@newjob.example", "Abe, Ana", InteractionDirection.Inbound, AsOf.AddDays(-10), 1, "b"),
            new Interaction("bo@x.example", "Bo", InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "c"),
            new Interaction("bo@y.example", "Bo", InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "d"),
        ]);

        Assert.Equal("ana@newjob.example", Assert.Single(merged, m => m.Key == "ana.abe@contoso.example").Value);
        Assert.Single(merged);
    }

    [Fact]
    public void A_pair_the_user_kept_apart_stays_apart_and_robots_never_merge()
    {
        Interaction[] interactions =
        [
            new("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-300), 1, "a"),
            new("ana@newjob.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-10), 1, "b"),
            new("noreply@shop.example", "Shop Team", InteractionDirection.Inbound, AsOf.AddDays(-3), 1, "c"),
            new("orders@shop.example", "Shop Team", InteractionDirection.Inbound, AsOf.AddDays(-2), 1, "d"),
        ];

        var kept = IdentityResolver.Resolve(interactions, new HashSet<(string, string)> { ("ana@newjob.example", "ana.abe@contoso.example") });
        Assert.DoesNotContain(kept.Keys, k => k.StartsWith("ana", StringComparison.Ordinal));
        Assert.DoesNotContain("noreply@shop.example", IdentityResolver.Resolve(interactions).Keys);
    }

    [Fact]
    public void A_merged_person_is_one_contact_with_the_other_address_listed_and_is_not_dormant_while_active()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-400), 1, "a", ConversationId: "t1"),
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-399), 1, "b", ConversationId: "t1"),
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-300), 1, "c", ConversationId: "t2"),
                new Interaction("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-299), 1, "d", ConversationId: "t2"),
                new Interaction("ana@newjob.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-20), 1, "e", ConversationId: "t3"),
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
