using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;

namespace NetworkSync.Domain.Tests.Introductions;

public sealed class OrganisationIntroductionFinderTests
{
    private const string Caller = "u-dana";
    private const string Target = "tess@adatum.example";

    [Fact]
    public void Colleagues_are_ranked_by_their_own_warmth_with_the_target_and_named_with_their_tier()
    {
        var ranked = OrganisationIntroductionFinder.Rank(
            [
                Tie("u-cy", "Cy Cole", Target, 0.35, "cool"),
                Tie("u-bo", "Bo Berg", Target, 0.7, "warm"),
                Tie("u-al", "Al Ames", Target, 0.9, "hot"),
            ],
            Caller);

        Assert.Equal([("Al Ames", "hot"), ("Bo Berg", "warm"), ("Cy Cole", "cool")], ranked.Select(r => (r.DisplayName, r.Tier)));
    }

    [Fact]
    public void A_cold_tie_an_automated_target_no_tie_and_a_muted_or_forgotten_target_are_not_knowing_them()
    {
        var ranked = OrganisationIntroductionFinder.Rank(
            [
                Tie("u-cold", "Cold Colleague", Target, 0.05, "cold"),
                Tie("u-bot", "Bot Keeper", Target, 0.8, "hot", automated: true),
                new ColleagueTie("u-none", "No Tie", null, TargetMutedOrForgotten: false),
                Tie("u-muted", "Muted It", Target, 0.9, "hot", mutedOrForgotten: true),
                Tie("u-bo", "Bo Berg", Target, 0.6, "warm"),
            ],
            Caller);

        Assert.Equal(["Bo Berg"], ranked.Select(r => r.DisplayName));
    }

    [Fact]
    public void The_caller_is_never_their_own_colleague()
    {
        var ranked = OrganisationIntroductionFinder.Rank([Tie("U-DANA", "Dana Whitfield", Target, 0.9, "hot"), Tie("u-bo", "Bo Berg", Target, 0.5, "warm")], Caller);

        Assert.Equal(["Bo Berg"], ranked.Select(r => r.DisplayName));
    }

    [Fact]
    public void Equal_warmth_is_broken_by_name_then_id_and_the_list_is_capped()
    {
        var ranked = OrganisationIntroductionFinder.Rank(
            [
                Tie("u-2", "Bo Berg", Target, 0.5, "warm"),
                Tie("u-1", "Bo Berg", Target, 0.5, "warm"),
                Tie("u-3", "Ann Ash", Target, 0.5, "warm"),
                Tie("u-4", "Zed Zane", Target, 0.4, "warm"),
            ],
            Caller,
            maxResults: 3);

        Assert.Equal(["u-3", "u-1", "u-2"], ranked.Select(r => r.ColleagueId));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrganisationIntroductionFinder.Rank([], Caller, maxResults: 0));
    }

    private static ColleagueTie Tie(string id, string name, string target, double probability, string tier, bool automated = false, bool mutedOrForgotten = false) =>
        new(id, name, new ContactSummary { Address = target, Probability = probability, Warmth = Math.Round(probability * 100, 1), Tier = tier, Automated = automated }, mutedOrForgotten);
}
