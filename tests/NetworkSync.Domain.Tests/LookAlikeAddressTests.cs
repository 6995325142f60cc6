using NetworkSync.Domain.Addresses;

namespace NetworkSync.Domain.Tests;

/// <summary>Look-alike spellings of one address are that address; look-alikes from other scripts never pass for the owner's.</summary>
public sealed class LookAlikeAddressTests
{
    [Theory]
    [InlineData("ana\u200B.abe@contoso.example", "ana.abe@contoso.example")] // zero-width space
    [InlineData("ana.a\u200Dbe@contoso.example", "ana.abe@contoso.example")] // zero-width joiner
    [InlineData("\u202Eana.abe@contoso.example", "ana.abe@contoso.example")] // right-to-left override
    [InlineData("\uFEFFana.abe@contoso.example", "ana.abe@contoso.example")] // byte-order mark
    [InlineData("ana.abe@contoso.example.", "ana.abe@contoso.example")] // the DNS root's trailing dot
    [InlineData("<Ana.Abe@Contoso.Example.>", "ana.abe@contoso.example")]
    [InlineData("\uFB01ona@contoso.example", "fiona@contoso.example")] // the "fi" ligature
    [InlineData("ＡＮＡ@ｃｏｎｔｏｓｏ.example", "ana@contoso.example")] // full-width forms
    [InlineData("ana@contoso.example", "ana@contoso.example")]
    public void Compatibility_forms_format_characters_and_a_trailing_dot_fold_into_the_plain_address(string raw, string expected) =>
        Assert.Equal(expected, EmailAddressNormalizer.Normalize(raw));

    [Theory]
    [InlineData("\u200B")]
    [InlineData("ana@contoso.example\u200B\u200B.")]
    public void Invisible_characters_alone_are_not_an_address_and_never_split_one(string raw)
    {
        var normalized = EmailAddressNormalizer.Normalize(raw);
        Assert.True(normalized is null or "ana@contoso.example", normalized);
    }

    [Fact]
    public void The_owners_address_with_a_trailing_dot_or_a_zero_width_space_is_theirs()
    {
        var owner = new MailboxIdentity("u1", "dana@contoso.example", []);
        Assert.True(owner.IsOwn(EmailAddressNormalizer.Normalize("dana@contoso.example.")));
        Assert.True(owner.IsOwn(EmailAddressNormalizer.Normalize("da\u200Bna@contoso.example")));
    }

    [Theory]
    [InlineData("d\u0430na@contoso.example")] // Cyrillic а
    [InlineData("dana@c\u043Ententoso.example", false)] // not drawn like the owner's: other letters too
    [InlineData("d\u0430n\u0430@c\u043Entoso.ex\u0430mple")] // several Cyrillic letters
    [InlineData("\u03BFwner@contoso.example", false)] // Greek ο, but not the owner's address
    [InlineData("dan\u03B1@contoso.example")] // Greek α
    public void Addresses_drawn_like_the_owners_with_another_scripts_letters_are_look_alikes(string address, bool lookAlike = true)
    {
        var owner = new MailboxIdentity("u1", "dana@contoso.example", []);
        var normalized = EmailAddressNormalizer.Normalize(address);
        Assert.NotNull(normalized);
        Assert.False(owner.IsOwn(normalized));
        Assert.Equal(lookAlike, owner.IsLookAlikeOfOwn(normalized));
    }

    [Fact]
    public void The_owners_own_address_and_plain_ascii_strangers_are_not_look_alikes()
    {
        var owner = new MailboxIdentity("u1", "dana@contoso.example", ["d.w@contoso.example"]);
        Assert.False(owner.IsLookAlikeOfOwn("dana@contoso.example"));
        Assert.False(owner.IsLookAlikeOfOwn("dana@contoso.example.org"));
        Assert.True(owner.IsLookAlikeOfOwn("d.w@c\u043Entoso.example"));
    }
}
