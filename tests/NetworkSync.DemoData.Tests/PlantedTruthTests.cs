using System.Text.Json;

namespace NetworkSync.DemoData.Tests;

/// <summary>The planted truth is complete, diverse, and agrees with what was generated.</summary>
[Collection(DefaultMailbox.Name)]
public sealed class PlantedTruthTests(DefaultMailboxFixture fixture)
{
    private static readonly string[] AllKinds =
    [
        "colleague", "client", "friend", "former-colleague", "acquaintance", "unanswered-inbound", "unanswered-outbound",
        "newsletter", "notification-bot", "distribution-list", "bulk-sender",
    ];

    private static readonly HashSet<string> NoiseKinds = ["newsletter", "notification-bot", "distribution-list", "bulk-sender"];

    [Fact]
    public void TruthListsEveryKindWithConsistentFlags()
    {
        var contacts = fixture.TruthContacts.ToList();
        Assert.Equal(fixture.Options.Contacts, contacts.Count);
        Assert.Equal(fixture.Summary.Contacts, contacts.Count);
        Assert.Equal(AllKinds.Order(), contacts.Select(Kind).Distinct().Order());
        Assert.Equal(contacts.Count, contacts.Select(contact => contact.GetProperty("address").GetString()).Distinct().Count());
        foreach (var contact in contacts)
        {
            var strength = contact.GetProperty("strength").GetDouble();
            Assert.InRange(strength, 0, 1);
            if (NoiseKinds.Contains(Kind(contact)))
            {
                Assert.Equal(0, strength);
                Assert.False(contact.GetProperty("dormant").GetBoolean());
                Assert.False(contact.GetProperty("cooling").GetBoolean());
            }

            Assert.Equal(Kind(contact) is "newsletter" or "notification-bot" or "bulk-sender", contact.GetProperty("automated").GetBoolean());
            Assert.False(contact.GetProperty("dormant").GetBoolean() && contact.GetProperty("cooling").GetBoolean());
        }

        var root = fixture.Truth.RootElement;
        Assert.Equal(fixture.Summary.UserId, root.GetProperty("mailbox").GetProperty("id").GetString());
        Assert.Equal(42, root.GetProperty("seed").GetInt32());
        Assert.Equal(fixture.Options.AsOf, GraphJson.Instant(root.GetProperty("asOf")));
    }

    [Fact]
    public void StrengthsSpreadAcrossTheWholeRange()
    {
        var people = fixture.TruthContacts.Where(contact => !NoiseKinds.Contains(Kind(contact)))
            .Select(contact => contact.GetProperty("strength").GetDouble()).ToList();
        for (var decile = 0; decile < 10; decile++)
        {
            var low = decile / 10.0;
            var inDecile = people.Count(strength => strength >= low && (strength < low + 0.1 || (decile == 9 && strength <= 1)));
            Assert.True(inDecile >= 3, $"strength decile {low:0.0} has {inDecile} contacts");
        }
    }

    [Fact]
    public void DormancyAndLastContactAgreeExactlyWithTheGeneratedData()
    {
        AssertTruthMatchesData(fixture);
        var contacts = fixture.TruthContacts.ToList();
        Assert.True(contacts.Count(contact => contact.GetProperty("dormant").GetBoolean()) >= 10, "enough ties went cold");
        Assert.True(contacts.Count(contact => contact.GetProperty("cooling").GetBoolean()) >= 3, "some ties are cooling");
        Assert.Contains(contacts, contact => Kind(contact) == "former-colleague" && contact.GetProperty("dormant").GetBoolean());
    }

    [Fact]
    public void NoiseNeverGetsAReplyAndOneWayTiesStayOneWay()
    {
        var byKind = fixture.TruthContacts.ToDictionary(contact => contact.GetProperty("address").GetString()!, Kind, StringComparer.OrdinalIgnoreCase);
        var messages = fixture.Messages.ToList();
        var fromOwner = messages.Where(message => fixture.OwnerAddresses.Contains(GraphJson.Address(message.GetProperty("from")))).ToList();
        var ownerConversations = fromOwner.Select(message => message.GetProperty("conversationId").GetString()).ToHashSet();

        foreach (var message in fromOwner)
        {
            foreach (var recipient in GraphJson.Recipients(message))
            {
                if (byKind.TryGetValue(recipient, out var kind))
                {
                    Assert.DoesNotContain(kind, NoiseKinds);
                    Assert.NotEqual("unanswered-inbound", kind);
                }
            }
        }

        foreach (var message in messages)
        {
            var sender = GraphJson.Address(message.GetProperty("from"));
            if (byKind.TryGetValue(sender, out var kind))
            {
                Assert.NotEqual("unanswered-outbound", kind);
                if (NoiseKinds.Contains(kind))
                {
                    Assert.DoesNotContain(message.GetProperty("conversationId").GetString(), ownerConversations);
                }
            }
        }

        Assert.Contains(messages, message => byKind.GetValueOrDefault(GraphJson.Address(message.GetProperty("from"))) == "unanswered-inbound");
        Assert.Contains(fromOwner, message => GraphJson.Recipients(message).Any(recipient => byKind.GetValueOrDefault(recipient) == "unanswered-outbound"));
    }

    [Fact]
    public void TheAliasSendsAndReceivesSomeMail()
    {
        var sentFromAlias = fixture.MessagesByFolder["sentitems"].Count(message => GraphJson.Address(message.GetProperty("from")) == "dana@contoso.example");
        var sentToAlias = fixture.MessagesByFolder["inbox"].Count(message => GraphJson.Recipients(message).Contains("dana@contoso.example"));
        Assert.True(sentFromAlias > 10, $"{sentFromAlias} messages sent from the alias");
        Assert.True(sentToAlias > 10, $"{sentToAlias} messages received on the alias");
    }

    [Fact]
    public void EveryOtherAddressAppearsInThreadsWithThePrimaryOne()
    {
        var conversationsByAddress = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var message in fixture.Messages)
        {
            var conversation = message.GetProperty("conversationId").GetString()!;
            foreach (var address in GraphJson.Recipients(message).Append(GraphJson.Address(message.GetProperty("from"))))
            {
                if (!conversationsByAddress.TryGetValue(address, out var set))
                {
                    conversationsByAddress[address] = set = [];
                }

                set.Add(conversation);
            }
        }

        var people = fixture.TruthContacts.Where(contact => contact.GetProperty("otherAddresses").GetArrayLength() > 0).ToList();
        Assert.True(people.Count(contact => Kind(contact) != "former-colleague") >= 2, "some people have a personal and a work address");
        foreach (var contact in people)
        {
            var displayName = contact.GetProperty("displayName").GetString();
            foreach (var other in contact.GetProperty("otherAddresses").EnumerateArray().Select(address => address.GetString()!))
            {
                Assert.True(conversationsByAddress.ContainsKey(other), $"{other} ({displayName}) never appears");
            }

            if (Kind(contact) != "former-colleague")
            {
                var primary = conversationsByAddress[contact.GetProperty("address").GetString()!];
                var second = conversationsByAddress[contact.GetProperty("otherAddresses")[0].GetString()!];
                Assert.True(primary.Overlaps(second), $"{displayName}'s two addresses share a thread");
            }
        }
    }

    [Fact]
    public void WarmthFromRecentTwoWayMailRanksContactsLikeTheirPlantedStrength()
    {
        var asOf = fixture.Options.AsOf;
        var ownerAddresses = fixture.OwnerAddresses;
        var personOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in fixture.TruthContacts)
        {
            var primary = contact.GetProperty("address").GetString()!;
            personOf[primary] = primary;
            foreach (var other in contact.GetProperty("otherAddresses").EnumerateArray())
            {
                personOf[other.GetString()!] = primary;
            }
        }

        // A deliberately naive warmth model: one-to-one conversations in which both sides wrote, weighted by recency.
        var directions = new Dictionary<(string Person, string Conversation), (bool In, bool Out, DateTimeOffset Last)>();
        foreach (var message in fixture.Messages)
        {
            var from = GraphJson.Address(message.GetProperty("from"));
            var recipients = GraphJson.Recipients(message).ToList();
            var sent = GraphJson.Instant(message.GetProperty("sentDateTime"));
            var conversation = message.GetProperty("conversationId").GetString()!;
            if (ownerAddresses.Contains(from) && recipients.Count == 1 && personOf.TryGetValue(recipients[0], out var to))
            {
                var key = (to, conversation);
                var state = directions.GetValueOrDefault(key);
                directions[key] = (state.In, true, Max(state.Last, sent));
            }
            else if (personOf.TryGetValue(from, out var person) && recipients.Count == 1 && ownerAddresses.Contains(recipients[0]))
            {
                var key = (person, conversation);
                var state = directions.GetValueOrDefault(key);
                directions[key] = (true, state.Out, Max(state.Last, sent));
            }
        }

        var warmth = directions.Where(entry => entry.Value.In && entry.Value.Out)
            .GroupBy(entry => entry.Key.Person, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Sum(entry => Math.Exp(-(asOf - entry.Value.Last).TotalDays / 180)), StringComparer.OrdinalIgnoreCase);
        var people = fixture.TruthContacts.Where(contact => !NoiseKinds.Contains(Kind(contact))).ToList();
        var planted = people.Select(contact => contact.GetProperty("strength").GetDouble()).ToList();
        var measured = people.Select(contact => warmth.GetValueOrDefault(contact.GetProperty("address").GetString()!)).ToList();
        var correlation = Statistics.Spearman(planted, measured);
        Assert.True(correlation > 0.8, $"Spearman {correlation:0.000}");
    }

    /// <summary>Shared with the target-count tests, which check truth on differently sized mailboxes.</summary>
    internal static void AssertTruthMatchesData(GeneratedFixture generated)
    {
        var expected = TruthRecomputation.Compute(generated);
        foreach (var contact in generated.TruthContacts)
        {
            var address = contact.GetProperty("address").GetString()!;
            var lastContact = contact.GetProperty("lastContact");
            DateTimeOffset? written = lastContact.ValueKind == JsonValueKind.Null ? null : GraphJson.Instant(lastContact);
            Assert.True(expected[address].Dormant == contact.GetProperty("dormant").GetBoolean(), $"dormant of {address}");
            Assert.True(expected[address].LastContact == written, $"lastContact of {address}: {written} vs {expected[address].LastContact}");
        }
    }

    private static string Kind(JsonElement contact) => contact.GetProperty("kind").GetString()!;

    private static DateTimeOffset Max(DateTimeOffset left, DateTimeOffset right) => left > right ? left : right;
}
