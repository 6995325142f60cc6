using NetworkSync.Domain.Addresses;

namespace NetworkSync.Domain.Tests;

public sealed class EmailAddressNormalizerTests
{
    [Theory]
    [InlineData("Ana.Abe@Contoso.com", "ana.abe@contoso.com")]
    [InlineData("  ana.abe@contoso.com \t", "ana.abe@contoso.com")]
    [InlineData("\"Ana Abe\" <Ana.Abe@contoso.com>", "ana.abe@contoso.com")]
    [InlineData("'ana.abe@contoso.com'", "ana.abe@contoso.com")]
    [InlineData("mailto:ANA.ABE@contoso.com", "ana.abe@contoso.com")]
    [InlineData("<ana.abe@contoso.com>", "ana.abe@contoso.com")]
    public void Spellings_of_one_address_normalise_to_one_key(string raw, string expected) =>
        Assert.Equal(expected, EmailAddressNormalizer.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ana Abe")]
    [InlineData("@contoso.com")]
    [InlineData("ana@")]
    [InlineData("ana abe@contoso.com")]
    [InlineData("a@b.c; d@e.f")]
    public void Text_without_a_plausible_address_gives_null(string? raw) =>
        Assert.Null(EmailAddressNormalizer.Normalize(raw));

    [Fact]
    public void Absurdly_long_input_is_rejected() =>
        Assert.Null(EmailAddressNormalizer.Normalize(new string('a', 400) + "@contoso.com"));

    [Fact]
    public void Own_addresses_come_from_mail_and_smtp_proxy_addresses_only()
    {
        var owner = new MailboxIdentity("u1", "Dana.Whitfield@contoso.example", MailboxIdentity.SmtpAddressesFrom(["SMTP:dana.whitfield@contoso.example", "smtp:Dana@contoso.example", "X500:/o=Contoso/cn=dana"]));

        Assert.True(owner.IsOwn("dana.whitfield@contoso.example"));
        Assert.True(owner.IsOwn("dana@contoso.example"));
        Assert.False(owner.IsOwn("/o=contoso/cn=dana"));
        Assert.Equal(2, owner.Addresses.Count);
    }
}
