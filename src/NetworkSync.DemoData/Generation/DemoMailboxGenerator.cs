using NetworkSync.DemoData.Calendar;
using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Truth;

namespace NetworkSync.DemoData.Generation;

/// <summary>Generates a whole demo mailbox in memory from options; pure, so the same options give the same mailbox.</summary>
internal static class DemoMailboxGenerator
{
    public static DemoMailbox Generate(DemoMailboxOptions options)
    {
        Validate(options);
        var period = new MailboxPeriod(options.AsOf - options.History, options.AsOf);
        var owner = MailboxOwner.ForSeed(options.Seed);
        var cast = CastBuilder.Build(options.Seed, options.Contacts, period, owner);

        var messages = GenerateMail(options, cast, period, 1.0, out var factory);
        if (options.TargetMessages is { } targetMessages)
        {
            var scale = VolumeScaleFor(targetMessages, messages, cast);
            messages = GenerateMail(options, cast, period, scale, out factory);

            // Padding continues the same id sequence, so padded messages can never collide with generated ones.
            var noise = new NoiseMailGenerator(cast, factory, period, SeededRandom.For(options.Seed, "mail-padding"), scale);
            MessageVolumeAdjuster.Adjust(messages, targetMessages, cast, noise, period, SeededRandom.For(options.Seed, "mail-adjust"));
        }

        var calendarIds = new GraphIdFactory(options.Seed, "calendar");
        var calendar = new CalendarGenerator(cast, calendarIds, period, SeededRandom.For(options.Seed, "calendar"));
        var events = calendar.Generate();
        if (options.TargetEvents is { } targetEvents)
        {
            EventCountAdjuster.Adjust(events, targetEvents, cast, calendar.Meetings, period, SeededRandom.For(options.Seed, "calendar-adjust"));
        }

        // Graph lists newest mail first; calendarView comes back in start order.
        messages.Sort((left, right) => right.Received != left.Received ? right.Received.CompareTo(left.Received) : string.CompareOrdinal(left.Id, right.Id));
        events.Sort((left, right) => left.Start != right.Start ? left.Start.CompareTo(right.Start) : string.CompareOrdinal(left.Id, right.Id));
        var truth = PlantedTruthCalculator.Compute(cast, messages, events, period);
        return new DemoMailbox(options.Seed, period, cast, messages, events, truth);
    }

    /// <summary>
    /// The volume scale that lands close to a target count. Everything scales linearly with volume except
    /// newsletters, which keep their publication schedule when scaled up, so they are taken out of the ratio;
    /// the small remainder is left to <see cref="MessageVolumeAdjuster"/>.
    /// </summary>
    private static double VolumeScaleFor(int target, List<GeneratedMessage> atUnitScale, DemoCast cast)
    {
        var newsletters = cast.OfKind(ContactKind.Newsletter).Select(contact => contact.Primary.Address).ToHashSet(StringComparer.Ordinal);
        var fixedPart = atUnitScale.Count(message => newsletters.Contains(message.From.Address));
        var scalable = atUnitScale.Count - fixedPart;
        if (target <= atUnitScale.Count || scalable == 0)
        {
            return Math.Max(1e-3, (double)target / Math.Max(1, atUnitScale.Count));
        }

        return (double)(target - fixedPart) / scalable;
    }

    private static List<GeneratedMessage> GenerateMail(DemoMailboxOptions options, DemoCast cast, MailboxPeriod period, double scale, out MessageFactory factory)
    {
        factory = new MessageFactory(new GraphIdFactory(options.Seed, "mail"), period);
        var random = SeededRandom.For(options.Seed, "mail");
        var messages = new List<GeneratedMessage>();
        new RelationshipMailGenerator(cast, factory, period, random.Fork("people"), scale).Generate(messages);
        new NoiseMailGenerator(cast, factory, period, random.Fork("noise"), scale).Generate(messages);
        return messages;
    }

    private static void Validate(DemoMailboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Contacts, RosterComposition.MinimumContacts, nameof(options.Contacts));
        if (options.History < TimeSpan.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.History, "History must cover at least 30 days.");
        }

        if (options.TargetMessages is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TargetMessages, "TargetMessages cannot be negative.");
        }

        if (options.TargetEvents is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TargetEvents, "TargetEvents cannot be negative.");
        }
    }
}
