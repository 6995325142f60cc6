using System.Text.Json;
using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Trickle;

/// <summary>The parts of <c>planted-truth.json</c> the live trickle needs: who the owner is and whom they know.</summary>
internal sealed class TruthFile
{
    /// <summary>Kinds the trickle writes to and hears from: the real, two-way relationships and acquaintances.</summary>
    private static readonly HashSet<string> ConversationalKinds = new(StringComparer.Ordinal)
    {
        "colleague", "client", "friend", "former-colleague", "acquaintance",
    };

    private TruthFile(string mailboxId, MailAddress owner, MailAddress? alias, int seed, IReadOnlyList<TruthPerson> people)
    {
        MailboxId = mailboxId;
        Owner = owner;
        Alias = alias;
        Seed = seed;
        People = people;
    }

    public string MailboxId { get; }

    public MailAddress Owner { get; }

    public MailAddress? Alias { get; }

    /// <summary>The seed the fixture was generated with (folder ids derive from it).</summary>
    public int Seed { get; }

    public IReadOnlyList<TruthPerson> People { get; }

    public static TruthFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var mailbox = root.GetProperty("mailbox");
        var mail = mailbox.GetProperty("mail").GetString() ?? throw new InvalidDataException("planted-truth.json: mailbox.mail is missing.");
        var name = mailbox.TryGetProperty("displayName", out var displayName) ? displayName.GetString() ?? mail : mail;
        var alias = mailbox.GetProperty("aliases").EnumerateArray().Select(element => element.GetString()).FirstOrDefault(value => value is not null);
        var people = root.GetProperty("contacts").EnumerateArray()
            .Where(contact => ConversationalKinds.Contains(contact.GetProperty("kind").GetString() ?? string.Empty))
            .Select(contact => new TruthPerson(
                new MailAddress(contact.GetProperty("displayName").GetString() ?? string.Empty, contact.GetProperty("address").GetString() ?? string.Empty),
                contact.GetProperty("kind").GetString() ?? string.Empty,
                contact.GetProperty("strength").GetDouble()))
            .Where(person => person.Address.Address.Length > 0)
            .ToList();
        if (people.Count == 0)
        {
            throw new InvalidDataException("planted-truth.json lists no people to trickle mail from.");
        }

        return new TruthFile(
            mailbox.GetProperty("id").GetString() ?? string.Empty,
            new MailAddress(name, mail),
            alias is null ? null : new MailAddress(name, alias),
            root.GetProperty("seed").GetInt32(),
            people);
    }
}
