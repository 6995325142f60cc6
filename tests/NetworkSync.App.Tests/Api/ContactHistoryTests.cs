using NetworkSync.Application.Context;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

public sealed class ContactHistoryTests(HandBuiltFixture fixture) : IClassFixture<HandBuiltFixture>
{
    private Task<ContactHistory> HistoryAsync(string address) =>
        fixture.Services.History.GetAsync(fixture.Mailbox, address, CancellationToken.None);

    [Fact]
    public async Task Twenty_four_months_end_with_the_current_one_and_count_what_happened_in_each()
    {
        var history = await HistoryAsync(Ana);

        Assert.Equal(24, history.Months.Count);
        Assert.Equal(("2024-07", "2026-06"), (history.Months[0].Month, history.Months[^1].Month));
        var byMonth = history.Months.ToDictionary(m => m.Month);
        Assert.Equal((2, 3, 0), Counts(byMonth["2026-03"]));
        Assert.Equal((2, 1, 0), Counts(byMonth["2026-04"]));
        Assert.Equal((2, 2, 1), Counts(byMonth["2026-05"]));
        Assert.Equal((1, 1, 0), Counts(byMonth["2026-06"]));   // the kickoff on 12 June has not happened yet
        Assert.All(history.Months.Take(20), m => Assert.Equal((0, 0, 0, 0d), (m.Sent, m.Received, m.Meetings, m.Warmth)));
    }

    [Fact]
    public async Task Warmth_is_the_models_at_each_months_end()
    {
        var history = await HistoryAsync(Ana);
        var ana = (await fixture.Services.Contexts.GetAsync(fixture.Mailbox, Ana, CancellationToken.None))!;

        Assert.Equal(ana.Warmth, history.Months[^1].Warmth);
        Assert.True(history.Months[^4].Warmth > 0);                              // March: the first threads
        Assert.True(history.Months[^2].Warmth > history.Months[^4].Warmth);      // May: more threads and a meeting
    }

    [Fact]
    public async Task Warmth_decays_through_a_silence()
    {
        var hal = (await HistoryAsync(Hal))!.Months.ToDictionary(m => m.Month);

        Assert.Equal((2, 2, 0), Counts(hal["2025-10"]));
        Assert.Equal(0, hal["2025-09"].Warmth);
        Assert.True(hal["2025-10"].Warmth > hal["2026-01"].Warmth && hal["2026-01"].Warmth > hal["2026-06"].Warmth);
    }

    [Fact]
    public async Task An_alias_gives_the_merged_persons_history_and_an_unknown_address_a_flat_one()
    {
        var erin = await HistoryAsync(ErinOld);

        Assert.Equal(ErinNew, erin.Address);
        var byMonth = erin.Months.ToDictionary(m => m.Month);
        Assert.Equal((1, 1, 0), Counts(byMonth["2026-01"]));
        Assert.Equal((1, 1, 0), Counts(byMonth["2026-05"]));
        foreach (var stranger in new[] { "stranger@nowhere.example", Newbie })
        {
            var flat = await HistoryAsync(stranger);
            Assert.Equal(stranger, flat.Address);
            Assert.Equal(24, flat.Months.Count);
            Assert.All(flat.Months, m => Assert.Equal((0, 0, 0, 0.0), (m.Sent, m.Received, m.Meetings, m.Warmth)));
        }
    }

    private static (int, int, int) Counts(HistoryMonth month) => (month.Sent, month.Received, month.Meetings);
}
