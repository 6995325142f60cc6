using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Identity;

/// <summary>The person whose mailbox is generated: one primary address and one alias, both their own.</summary>
internal sealed class MailboxOwner
{
    private MailboxOwner(string id, MailAddress primary, MailAddress alias)
    {
        Id = id;
        Primary = primary;
        Alias = alias;
    }

    public string Id { get; }

    public MailAddress Primary { get; }

    /// <summary>The short alias (in <c>proxyAddresses</c>) that some correspondents use and the owner sometimes sends from.</summary>
    public MailAddress Alias { get; }

    public string DisplayName => Primary.Name;

    public static string GivenName => "Dana";

    public static string Surname => "Whitfield";

    public static string Domain => "contoso.example";

    /// <summary>
    /// The owner works from the London office (the user's officeLocation): their own mail and meetings are
    /// placed on London's wall clock, and their mailboxSettings carry London's zone.
    /// </summary>
    public static ZoneRule HomeZone => ZoneRule.London;

    /// <summary>Working hours in <see cref="HomeZone"/>, Monday to Friday.</summary>
    public static TimeOnly WorkdayStart => new(9, 0);

    public static TimeOnly WorkdayEnd => new(17, 30);

    public static MailboxOwner ForSeed(int seed) => new(
        GraphIdFactory.GuidFor(seed, "mailbox-owner"),
        new MailAddress("Dana Whitfield", "dana.whitfield@" + Domain),
        new MailAddress("Dana Whitfield", "dana@" + Domain));

    public bool Owns(string address) =>
        string.Equals(address, Primary.Address, StringComparison.OrdinalIgnoreCase)
        || string.Equals(address, Alias.Address, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address the owner writes from: correspondents who know the alias see mail from the alias.</summary>
    public MailAddress AddressFor(bool alias) => alias ? Alias : Primary;
}
