using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Cast;

/// <summary>Draws person names that are never repeated in one mailbox, so one display name means one person (or one person's two addresses).</summary>
internal sealed class UniquePersonNames(SeededRandom random)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal) { MailboxOwner.GivenName + " " + MailboxOwner.Surname };

    public (string Given, string Surname) Next()
    {
        while (true)
        {
            var given = random.Pick(NamePools.GivenNames);
            var surname = random.Pick(NamePools.Surnames);
            if (_used.Add(given + " " + surname))
            {
                return (given, surname);
            }
        }
    }

    /// <summary>The usual corporate local part: <c>given.surname</c>, lower case.</summary>
    public static string LocalPart(string given, string surname) =>
        (given + "." + surname).ToLowerInvariant();
}
