using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests.Relationships;

public sealed class UserCorrectionsTests
{
    private const string Ana = "ana@fabrikam.example";
    private const string Bo = "bo@fabrikam.example";
    private const string News = "news@contoso.example";

    [Fact]
    public void Each_correction_lands_in_its_own_rule()
    {
        var corrections = new[]
        {
            new UserCorrection(ContactOverrideKind.Person, News, string.Empty),
            new UserCorrection(ContactOverrideKind.Muted, Bo, string.Empty),
            new UserCorrection(ContactOverrideKind.Apart, Ana, Bo),
            new UserCorrection(ContactOverrideKind.Same, Bo, News),
            new UserCorrection(ContactOverrideKind.Forgotten, "gone@contoso.example", string.Empty),
        };

        var options = UserCorrections.Apply(new RelationshipOptions(), corrections, dormantDays: null);

        Assert.Equal([News], options.MarkedAsPerson!);
        Assert.Equal([Bo], options.Muted!);
        Assert.Equal([(Ana, Bo)], options.KeptApart!);
        Assert.Equal([(Bo, News)], options.ConfirmedMerges!);
    }

    [Fact]
    public void The_users_dormant_threshold_replaces_the_configured_one()
    {
        var configured = new RelationshipOptions { DormantAfter = TimeSpan.FromDays(180) };

        Assert.Equal(TimeSpan.FromDays(45), UserCorrections.Apply(configured, [], dormantDays: 45).DormantAfter);
        Assert.Equal(TimeSpan.FromDays(180), UserCorrections.Apply(configured, [], dormantDays: null).DormantAfter);
    }

    [Fact]
    public void One_person_scored_alone_keeps_a_mark_on_any_address_under_the_main_one_and_no_keep_aparts()
    {
        var options = UserCorrections.Apply(
            new RelationshipOptions(),
            [new UserCorrection(ContactOverrideKind.Muted, Bo, string.Empty), new UserCorrection(ContactOverrideKind.Apart, Ana, News)],
            dormantDays: null);

        var alone = UserCorrections.ForOnePerson(options, Ana, [Ana, Bo]);
        var other = UserCorrections.ForOnePerson(options, News, [News]);

        Assert.Equal([Ana], alone.Muted!);
        Assert.Null(alone.MarkedAsPerson);
        Assert.Null(alone.KeptApart);
        Assert.Null(other.Muted);
    }

    [Theory]
    [InlineData(ContactOverrideKind.Person, "person")]
    [InlineData(ContactOverrideKind.Muted, "muted")]
    [InlineData(ContactOverrideKind.Apart, "apart")]
    [InlineData(ContactOverrideKind.Same, "same")]
    [InlineData(ContactOverrideKind.Forgotten, "forgotten")]
    public void Override_kinds_keep_their_stored_names(ContactOverrideKind kind, string wire)
    {
        Assert.Equal(wire, kind.ToWire());
        Assert.Equal(kind, ContactOverrideKindNames.FromWire(wire));
    }

    [Fact]
    public void Opposite_kinds_replace_each_other_and_pairs_are_apart_and_same()
    {
        Assert.Equal(ContactOverrideKind.Muted, ContactOverrideKind.Person.Opposite());
        Assert.Equal(ContactOverrideKind.Apart, ContactOverrideKind.Same.Opposite());
        Assert.Null(ContactOverrideKind.Forgotten.Opposite());
        Assert.Equal(
            [ContactOverrideKind.Apart, ContactOverrideKind.Same],
            Enum.GetValues<ContactOverrideKind>().Where(k => k.IsPair()));
        Assert.Null(ContactOverrideKindNames.FromWire("vip"));
    }
}
