using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;

namespace NetworkSync.Domain.Tests.Network;

public sealed class OrganisationsTests
{
    private static readonly MailboxIdentity Owner = new("u1", "me@contoso.example", ["me.alias@contoso-labs.example", "me@gmail.com"]);
    private static readonly IReadOnlySet<string> NoneMuted = new HashSet<string>(StringComparer.Ordinal);

    [Fact]
    public void Each_organisation_shows_its_warmest_person_and_its_warm_ties_warmest_first()
    {
        var orgs = Organisations.Of(
            [Person("ana@fabrikam.example", 80), Person("ben@fabrikam.example", 45), Person("cy@fabrikam.example", 20), Person("di@adatum.example", 90), Person("ed@adatum.example", 10)],
            Owner,
            NoneMuted);

        Assert.Equal(["adatum.example", "fabrikam.example"], orgs.Select(o => o.Domain));
        Assert.Equal(("di@adatum.example", 1, 2, true), (orgs[0].Warmest.Address, orgs[0].WarmTies, orgs[0].People, orgs[0].HangsOnOneTie));
        Assert.Equal(("ana@fabrikam.example", 2, 3, false), (orgs[1].Warmest.Address, orgs[1].WarmTies, orgs[1].People, orgs[1].HangsOnOneTie));
    }

    [Fact]
    public void The_users_own_domains_and_consumer_domains_are_not_organisations()
    {
        var orgs = Organisations.Of(
            [Person("colleague@contoso.example", 90), Person("lab@contoso-labs.example", 90), Person("friend@gmail.com", 90), Person("pal@outlook.com", 90), Person("x@hotmail.com", 90)],
            Owner,
            NoneMuted);

        Assert.Empty(orgs);
    }

    [Fact]
    public void Automated_copied_only_and_muted_people_do_not_count_and_all_cold_organisations_are_left_out()
    {
        var orgs = Organisations.Of(
            [
                Person("noreply@tailspin.example", 90) with { Automated = true },
                Person("cc@tailspin.example", 90) with { CopiedOnly = true },
                Person("muted@tailspin.example", 90),
                Person("cold@tailspin.example", 14.9),
                Person("cool@litware.example", 15),
            ],
            Owner,
            new HashSet<string>(StringComparer.Ordinal) { "muted@tailspin.example" });

        var only = Assert.Single(orgs);
        Assert.Equal(("litware.example", 0, false), (only.Domain, only.WarmTies, only.HangsOnOneTie));
    }

    [Fact]
    public void Consumer_domains_are_recognised_and_domains_are_read_from_the_address()
    {
        Assert.True(ConsumerDomains.Contains("gmail.com"));
        Assert.True(ConsumerDomains.Contains("gmail.example"));
        Assert.True(ConsumerDomains.Contains("outlook.fr"));
        Assert.True(ConsumerDomains.Contains("yahoo.co.jp"));
        Assert.False(ConsumerDomains.Contains("outlook.contoso.com"));
        Assert.False(ConsumerDomains.Contains("gmailer.com"));
        Assert.False(ConsumerDomains.Contains("fabrikam.example"));
        Assert.Equal("fabrikam.example", ConsumerDomains.DomainOf("ana@fabrikam.example"));
        Assert.Null(ConsumerDomains.DomainOf("ana@"));
        Assert.Null(ConsumerDomains.DomainOf("ana"));
    }

    private static ContactSummary Person(string address, double warmth) =>
        new() { Address = address, Warmth = warmth, Tier = WarmthTiers.Of(warmth).ToWire() };
}
