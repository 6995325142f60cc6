using NetworkSync.Domain.Relationships;

namespace NetworkSync.Learning.Tests;

/// <summary>
/// Small hand-made mailboxes for the fit and the backtest: people the owner writes to every week (and
/// keeps writing to), people the owner wrote to once long ago, and people only ever copied.
/// </summary>
internal static class SyntheticHistory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="steady"/> people written to (and answering) every week for two years, up to now;
    /// <paramref name="faded"/> people in weekly touch two years ago for a few months, then never again;
    /// <paramref name="copied"/> people only ever on mail beside the owner.
    /// </summary>
    public static List<Interaction> Mailbox(int steady, int faded, int copied, int seed = 1)
    {
        var random = new Random(seed);
        var list = new List<Interaction>();
        for (var p = 0; p < steady; p++)
        {
            for (var week = 0; week < 104; week++)
            {
                var at = Now.AddDays(-7 * week).AddHours(-random.Next(1, 100));
                list.Add(new Interaction($"steady{p}@x.example", $"Steady Person{p}", InteractionDirection.Outbound, at, 1, $"s{p}-{week}", ConversationId: $"t{p}-{week}"));
                list.Add(new Interaction($"steady{p}@x.example", $"Steady Person{p}", InteractionDirection.Inbound, at.AddHours(3), 1, $"r{p}-{week}", ConversationId: $"t{p}-{week}"));
            }
        }

        for (var p = 0; p < faded; p++)
        {
            for (var week = 0; week < 12; week++)
            {
                var at = Now.AddDays(-730 + (7 * week) + p);
                list.Add(new Interaction($"faded{p}@y.example", $"Faded Person{p}", InteractionDirection.Outbound, at, 1, $"f{p}-{week}"));
                list.Add(new Interaction($"faded{p}@y.example", $"Faded Person{p}", InteractionDirection.Inbound, at.AddHours(5), 1, $"g{p}-{week}"));
            }
        }

        for (var p = 0; p < copied; p++)
        {
            for (var k = 0; k < 10; k++)
            {
                var at = Now.AddDays(-random.Next(1, 720));
                list.Add(new Interaction($"copied{p}@z.example", null, InteractionDirection.CoRecipient, at, 3, $"c{p}-{k}", Direct: false));
            }
        }

        return list;
    }
}
