using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Mail;

/// <summary>
/// Plays out one conversation between the owner and a contact (and sometimes a group): who starts, whether and
/// how fast each side answers, reply-all recipients, <c>Re:</c> subjects and a shared <c>conversationId</c>.
/// </summary>
internal sealed class MailThreadSimulator(DemoCast cast, MessageFactory factory, MailboxPeriod period)
{
    private const int LongestThread = 8;

    /// <summary>Share of group replies written by another member of the group rather than the main contact.</summary>
    private const double BystanderReplyShare = 0.2;

    /// <summary>Runs a conversation that starts on the local day of <paramref name="around"/>.</summary>
    /// <param name="contact">The main correspondent.</param>
    /// <param name="around">Roughly when the conversation starts; the exact time follows the starter's rhythm.</param>
    /// <param name="random">The contact's stream.</param>
    /// <param name="sink">Receives the messages.</param>
    /// <param name="guaranteeReply">One-off exchanges always get one answer, otherwise they are not exchanges.</param>
    /// <param name="bringSecondAddress">Makes a person with two addresses use both in this conversation.</param>
    public void Run(
        PlantedContact contact, DateTimeOffset around, SeededRandom random, List<GeneratedMessage> sink, bool guaranteeReply = false, bool bringSecondAddress = false)
    {
        var owner = cast.Owner;
        var ownerStarts = contact.Kind switch
        {
            ContactKind.UnansweredOutbound => true,
            ContactKind.UnansweredInbound => false,
            _ => random.Chance(contact.OwnerInitiative),
        };
        var starterZone = ownerStarts ? ZoneRule.London : contact.HomeZone;
        var start = ActivityClock.MomentOn(DateOnly.FromDateTime(starterZone.ToLocal(around)), starterZone, contact.Mode, random);
        if (start > period.AsOf)
        {
            return;
        }

        var strength = contact.StrengthAt(start);
        var ownerAddress = owner.AddressFor(contact.KnowsOwnerByAlias);
        var contactAddress = contact.AddressAt(start);
        // People with two addresses bring both into some threads: copying the other one, or writing from it.
        var secondAddress = contact.SecondIdentity is not null && (bringSecondAddress || random.Chance(0.25)) ? contact.SecondIdentity : null;
        var group = random.Chance(TieBehaviour.OneToOneShare(strength))
            ? []
            : random.Sample(cast.CircleOf(contact, start), random.Between(1, 6));

        var to = new List<MailAddress> { ownerStarts ? contactAddress : ownerAddress };
        var cc = new List<MailAddress>();
        foreach (var member in group)
        {
            (random.Chance(0.5) ? to : cc).Add(member.AddressAt(start));
        }

        var subject = SubjectLines.For(contact, start, random);
        var conversationId = factory.NewConversationId();
        GeneratedMessage last;
        if (ownerStarts)
        {
            if (secondAddress is not null)
            {
                cc.Add(secondAddress);
            }

            last = factory.Outgoing(ownerAddress, to, cc, subject, conversationId, start, random);
        }
        else
        {
            var from = secondAddress ?? contactAddress;
            last = factory.IncomingFromPerson(contact, from, to, cc, subject, conversationId, start, random);
        }

        sink.Add(last);
        for (var count = 1; count < LongestThread; count++)
        {
            var ownerResponds = !last.IsFromOwner;
            var replyChance = count == 1
                ? (ownerResponds ? TieBehaviour.OwnerReplyChance(strength) : TieBehaviour.ContactReplyChance(strength))
                : TieBehaviour.ContinuationChance(strength);
            if (count == 1 && guaranteeReply)
            {
                replyChance = 1;
            }

            // The planted one-way ties stay one-way, whatever the dice say.
            if ((ownerResponds && contact.Kind == ContactKind.UnansweredInbound)
                || (!ownerResponds && contact.Kind == ContactKind.UnansweredOutbound)
                || !random.Chance(replyChance))
            {
                return;
            }

            var responder = contact;
            if (!ownerResponds && group.Count > 0 && random.Chance(BystanderReplyShare))
            {
                responder = random.Pick(group);
            }

            var latency = TieBehaviour.MedianReplyLatency(responder.StrengthAt(start)) * random.LogNormalFactor(0.9);
            var zone = ownerResponds ? ZoneRule.London : responder.HomeZone;
            var sent = ActivityClock.NextAvailable(last.Sent + latency, zone, contact.Mode, random);
            if (sent > period.AsOf)
            {
                return;
            }

            var responderAddress = ownerResponds
                ? ownerAddress
                : (responder == contact && secondAddress is not null && random.Chance(0.5) ? secondAddress : responder.AddressAt(sent));
            var replyTo = new List<MailAddress> { last.From };
            var replyCc = last.To.Concat(last.Cc)
                .Where(address => address.Address != responderAddress.Address && address.Address != last.From.Address
                                  && !(ownerResponds && owner.Owns(address.Address)))
                .ToList();
            var replySubject = SubjectLines.AsReply(subject);
            last = ownerResponds
                ? factory.Outgoing(responderAddress, replyTo, replyCc, replySubject, conversationId, sent, random)
                : factory.IncomingFromPerson(responder, responderAddress, replyTo, replyCc, replySubject, conversationId, sent, random);
            sink.Add(last);
        }
    }
}
