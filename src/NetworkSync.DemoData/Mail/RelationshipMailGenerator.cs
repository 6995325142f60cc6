using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Mail;

/// <summary>
/// Generates the person-to-person mail: conversations on each tie's rhythm, one-off exchanges with acquaintances,
/// and the one-way chases that never get an answer.
/// </summary>
internal sealed class RelationshipMailGenerator(DemoCast cast, MessageFactory factory, MailboxPeriod period, SeededRandom random, double volumeScale)
{
    /// <summary>Spread of the gap between conversations around the tie's typical gap (log-normal sigma): regular but not clockwork.</summary>
    private const double RhythmJitter = 0.6;

    private readonly MailThreadSimulator _threads = new(cast, factory, period);

    public void Generate(List<GeneratedMessage> sink)
    {
        foreach (var contact in cast.Contacts)
        {
            var stream = random.Fork("contact", contact.Index);
            switch (contact.Kind)
            {
                case var kind when kind.HasRhythm():
                    GenerateRhythm(contact, stream, sink);
                    break;
                case ContactKind.Acquaintance:
                    _threads.Run(contact, contact.ActiveFrom + stream.Between(TimeSpan.Zero, TimeSpan.FromDays(10)), stream, sink, guaranteeReply: true);
                    break;
                case ContactKind.UnansweredInbound:
                    GenerateChase(contact, ownerChases: false, stream, sink);
                    break;
                case ContactKind.UnansweredOutbound:
                    GenerateChase(contact, ownerChases: true, stream, sink);
                    break;
            }
        }
    }

    /// <summary>Conversations separated by jittered multiples of the tie's typical gap, for as long as the tie is active.</summary>
    private void GenerateRhythm(PlantedContact contact, SeededRandom stream, List<GeneratedMessage> sink)
    {
        var firstGap = TieBehaviour.TypicalGap(contact.StrengthAt(contact.ActiveFrom)) / volumeScale;
        var next = contact.ActiveFrom + (firstGap * stream.NextDouble());
        var first = true;
        while (next < contact.ActiveUntil)
        {
            // The first conversation always shows both addresses of a two-address person, so the pair is discoverable.
            _threads.Run(contact, next, stream, sink, bringSecondAddress: first);
            first = false;
            next += TieBehaviour.TypicalGap(contact.StrengthAt(next)) / volumeScale * stream.LogNormalFactor(RhythmJitter);
        }
    }

    /// <summary>
    /// A run of messages in one direction only: a recruiter's chasers, or the owner's follow-ups to someone who
    /// never answers. About half of them are bumps in the same conversation.
    /// </summary>
    private void GenerateChase(PlantedContact contact, bool ownerChases, SeededRandom stream, List<GeneratedMessage> sink)
    {
        var count = Math.Max(1, (int)Math.Round(stream.Between(ownerChases ? 1 : 2, ownerChases ? 5 : 12) * volumeScale));
        var window = contact.ActiveUntil - contact.ActiveFrom;
        var times = Enumerable.Range(0, count)
            .Select(_ => contact.ActiveFrom + (window * stream.NextDouble()))
            .Order()
            .ToList();
        var owner = cast.Owner;
        string? subject = null;
        string? conversationId = null;
        foreach (var roughTime in times)
        {
            var zone = ownerChases ? Time.ZoneRule.London : contact.HomeZone;
            var sent = Time.ActivityClock.MomentOn(DateOnly.FromDateTime(zone.ToLocal(roughTime)), zone, contact.Mode, stream);
            if (sent > period.AsOf)
            {
                break;
            }

            if (subject is null || conversationId is null || stream.Chance(0.5))
            {
                subject = SubjectLines.For(contact, sent, stream);
                conversationId = factory.NewConversationId();
            }
            else
            {
                subject = SubjectLines.AsReply(subject);
            }

            sink.Add(ownerChases
                ? factory.Outgoing(owner.Primary, [contact.Primary], [], subject, conversationId, sent, stream)
                : factory.IncomingFromPerson(contact, contact.Primary, [owner.Primary], [], subject, conversationId, sent, stream));
        }
    }
}
