using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.JobChanges;

namespace NetworkSync.Domain.Tests.Relationships;

public sealed class JobChangeDetectorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static SenderSpan Span(string address, int firstDaysAgo, int lastDaysAgo) =>
        new(address, AsOf.AddDays(-firstDaysAgo), AsOf.AddDays(-lastDaysAgo));

    [Fact]
    public void Mail_from_a_new_organisation_after_the_old_one_went_quiet_is_a_move_since_the_first_new_month()
    {
        var change = JobChangeDetector.Detect([Span("ana.abe@contoso.example", 700, 300), Span("ana.abe@adatum.com", 260, 5)]);

        Assert.Equal(new JobChange("Contoso", "contoso.example", "Adatum", "adatum.com", new DateOnly(2026, 3, 1)), change);
    }

    [Fact]
    public void A_person_writing_from_both_organisations_at_once_has_not_moved()
    {
        Assert.Null(JobChangeDetector.Detect([Span("ana.abe@contoso.example", 700, 20), Span("ana.abe@adatum.com", 260, 5)]));
    }

    [Theory]
    [InlineData("ana.abe@gmail.com")]
    [InlineData("ana.abe@gmail.example")]
    [InlineData("ana@outlook.com")]
    [InlineData("ana@icloud.com")]
    [InlineData("ana@proton.me")]
    public void A_consumer_domain_is_not_an_organisation_to_move_to(string personal)
    {
        Assert.Null(JobChangeDetector.Detect([Span("ana.abe@contoso.example", 700, 300), Span(personal, 260, 5)]));
    }

    [Fact]
    public void Personal_mail_on_the_side_neither_hides_nor_makes_a_move()
    {
        var change = JobChangeDetector.Detect(
        [
            Span("ana.abe@contoso.example", 700, 300),
            Span("ana.abe@gmail.com", 650, 1),
            Span("ana@adatum.com", 250, 10),
        ]);

        Assert.Equal(("Contoso", "Adatum"), (change?.From, change?.To));
    }

    [Theory]
    [InlineData("ana@contoso.example", "ana.abe@contoso.example")]
    [InlineData("ana.abe@uk.contoso.com", "ana.abe@contoso.com")]
    [InlineData("ana.abe@contoso.co.uk", "ana.abe@mail.contoso.co.uk")]
    public void A_new_address_within_one_organisation_is_an_alias_not_a_move(string old, string alias)
    {
        Assert.Null(JobChangeDetector.Detect([Span(old, 700, 300), Span(alias, 260, 5)]));
    }

    [Fact]
    public void Two_moves_report_the_latest_from_the_organisation_before_it()
    {
        var change = JobChangeDetector.Detect(
        [
            Span("ana@contoso.example", 700, 500),
            Span("ana@fabrikam.example", 480, 200),
            Span("ana@fourth-coffee.com", 150, 3),
        ]);

        Assert.Equal(("Fabrikam", "Fourth Coffee", new DateOnly(2026, 6, 1)), (change?.From, change?.To, change?.Since));
    }

    [Fact]
    public void One_organisation_only_is_no_move()
    {
        Assert.Null(JobChangeDetector.Detect([Span("ana@contoso.example", 700, 3)]));
        Assert.Null(JobChangeDetector.Detect([]));
    }

    [Theory]
    [InlineData("adatum.com", "adatum", "Adatum", false)]
    [InlineData("mail.adatum.com", "adatum", "Adatum", false)]
    [InlineData("adatum.co.uk", "adatum", "Adatum", false)]
    [InlineData("fourth-coffee.com", "fourth-coffee", "Fourth Coffee", false)]
    [InlineData("gmail.com", "gmail", "Gmail", true)]
    [InlineData("localhost", "", "", true)]
    public void Organisation_names_come_from_the_registrable_part_of_the_domain(string domain, string key, string name, bool consumer)
    {
        Assert.Equal((key, name, consumer), (OrganisationDomain.KeyOf(domain), OrganisationDomain.NameOf(domain), OrganisationDomain.IsConsumer(domain)));
    }

    [Fact]
    public void Two_namesakes_the_identity_rules_keep_apart_are_never_one_person_who_moved()
    {
        // Two Ana Abes, once on one message side by side: two people, so neither has "moved" to the other's employer.
        var interactions = new List<Interaction>
        {
            new("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-400), 2, "m1", ConversationId: "t1"),
            new("ana.abe@adatum.com", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-400), 2, "m1", ConversationId: "t1"),
            new("ana.abe@adatum.com", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-100), 1, "m2", ConversationId: "t2"),
        };

        var resolution = IdentityResolver.Resolve(interactions);

        Assert.Empty(resolution.MergedInto);
        foreach (var person in interactions.GroupBy(i => i.ContactAddress))
        {
            Assert.Null(JobChangeDetector.Detect(SpansOf(person)));
        }
    }

    [Fact]
    public void One_person_by_the_identity_rules_who_now_writes_from_a_new_employer_has_moved()
    {
        var interactions = new List<Interaction>
        {
            new("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-500), 1, "m1", ConversationId: "t1"),
            new("ana.abe@contoso.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-300), 1, "m2", ConversationId: "t2"),
            new("ana.abe@adatum.com", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-100), 1, "m3", ConversationId: "t3"),
        };

        var resolution = IdentityResolver.Resolve(interactions);

        Assert.Equal("ana.abe@adatum.com", resolution.MergedInto["ana.abe@contoso.example"]);
        var change = JobChangeDetector.Detect(SpansOf(interactions));
        Assert.Equal(("Contoso", "Adatum", new DateOnly(2026, 8, 1)), (change?.From, change?.To, change?.Since));
    }

    private static IEnumerable<SenderSpan> SpansOf(IEnumerable<Interaction> interactions) =>
        interactions.Where(i => i.Direction == InteractionDirection.Inbound)
            .GroupBy(i => i.ContactAddress)
            .Select(g => new SenderSpan(g.Key, g.Min(i => i.At), g.Max(i => i.At)));
}
