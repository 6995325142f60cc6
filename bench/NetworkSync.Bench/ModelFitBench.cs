using System.Diagnostics;
using NetworkSync.Domain.Relationships;
using NetworkSync.Learning;

namespace NetworkSync.Bench;

/// <summary>
/// The warmth model's fit on one mailbox (default 100,000 messages over two years, 2,000 people, each
/// inbound message copying up to three colleagues), then a full rescore of that mailbox with the
/// fitted model. Pure CPU: no I/O is timed.
/// </summary>
internal static class ModelFitBench
{
    public static int Run(int messages, int contacts, int runs)
    {
        var asOf = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var random = new Random(42);
        var addresses = Enumerable.Range(0, contacts).Select(i => $"person{i}@company{i % 97}.example").ToArray();
        var data = new List<Interaction>(messages * 2);
        for (var m = 0; m < messages; m++)
        {
            var c = (int)(contacts * Math.Pow(random.NextDouble(), 2.5));
            var at = asOf.AddMinutes(-random.Next(0, 730 * 24 * 60));
            var conversation = $"c{c}-{random.Next(60)}";
            var direction = (InteractionDirection)(random.Next(10) switch { < 4 => 0, < 9 => 1, _ => 2 });
            var audience = random.Next(1, 5);
            data.Add(new Interaction(addresses[c], $"First{c} Last{c}", direction, at, audience, $"m{m}", ConversationId: direction == InteractionDirection.Meeting ? null : conversation));
            if (direction == InteractionDirection.Inbound)
            {
                for (var k = 1; k < audience; k++)
                {
                    var mate = (c + (k * 97)) % contacts;
                    data.Add(new Interaction(addresses[mate], $"First{mate} Last{mate}", InteractionDirection.CoRecipient, at, audience, $"m{m}", Direct: false, ConversationId: conversation));
                }
            }
        }

        var options = new RelationshipOptions();
        var identity = IdentityResolver.Resolve(data, options.KeptApart, options.ConfirmedMerges);
        var fits = new List<double>();
        var rescores = new List<double>();
        var reason = string.Empty;
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var model = WarmthModelTrainer.Fit(data, asOf, identity);
            fits.Add(stopwatch.Elapsed.TotalSeconds);
            reason = model.Reason;
            stopwatch.Restart();
            _ = ContactAggregator.Summarize(data, new HashSet<string>(StringComparer.Ordinal), asOf, options, model);
            rescores.Add(stopwatch.Elapsed.TotalSeconds);
            Console.Error.WriteLine(FormattableString.Invariant($"run {run + 1}: fit {fits[^1]:0.000} s, rescore {rescores[^1]:0.000} s ({reason})"));
        }

        fits.Sort();
        rescores.Sort();
        Console.WriteLine("| metric | target | measured |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine(FormattableString.Invariant($"| warmth model fit, {messages:N0} messages ({data.Count:N0} interactions), {contacts:N0} people, median of {runs} | ≤ 2 s | {fits[runs / 2]:0.000} s (min {fits[0]:0.000}, max {fits[^1]:0.000}) |"));
        Console.WriteLine(FormattableString.Invariant($"| full rescore of that mailbox with the fitted model, median of {runs} | | {rescores[runs / 2]:0.000} s |"));
        return 0;
    }
}
