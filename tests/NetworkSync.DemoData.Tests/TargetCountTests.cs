namespace NetworkSync.DemoData.Tests;

public sealed class TargetCountTests
{
    [Theory]
    [InlineData(3_000, 200)] // below the natural volume: automated mail and ordinary meetings are trimmed
    [InlineData(9_000, 700)] // above it: volume is scaled up, then padded
    public void TargetsGiveExactCountsAndTruthStillMatches(int messages, int events)
    {
        using var fixture = new GeneratedFixture(new DemoMailboxOptions { Contacts = 80, History = TimeSpan.FromDays(365), TargetMessages = messages, TargetEvents = events });
        Assert.Equal(messages, fixture.Summary.Messages);
        Assert.Equal(messages, fixture.Messages.Count());
        Assert.Equal(events, fixture.Summary.Events);
        Assert.Equal(events, fixture.Events.Count());
        PlantedTruthTests.AssertTruthMatchesData(fixture);
    }

    [Fact]
    public void TheBenchmarkMailboxHasExactlyFiftyThousandMessagesAndOneThousandEvents()
    {
        using var fixture = new GeneratedFixture(new DemoMailboxOptions { TargetMessages = 50_000, TargetEvents = 1_000 });
        Assert.Equal(50_000, fixture.Messages.Count());
        Assert.Equal(1_000, fixture.Events.Count());
        Assert.Equal(fixture.Messages.Count(), fixture.Messages.Select(message => message.GetProperty("id").GetString()).Distinct().Count());
    }
}
