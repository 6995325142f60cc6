namespace NetworkSync.DemoData.Tests;

public sealed class OptionRangeTests
{
    [Theory]
    [InlineData(40, 30)] // the smallest roster and history: no room for cold ties, still a valid mailbox
    [InlineData(40, 2_000)]
    [InlineData(500, 180)] // beyond the pools of noise senders
    public void UnusualSizesStillProduceConsistentMailboxes(int contacts, int historyDays)
    {
        using var fixture = new GeneratedFixture(new DemoMailboxOptions { Contacts = contacts, History = TimeSpan.FromDays(historyDays), Seed = contacts + historyDays });
        Assert.Equal(contacts, fixture.Summary.Contacts);
        Assert.NotEmpty(fixture.Messages);
        Assert.NotEmpty(fixture.Events);
        PlantedTruthTests.AssertTruthMatchesData(fixture);
    }

    [Fact]
    public void InvalidOptionsAreRejectedBeforeAnythingIsWritten()
    {
        using var folder = new TemporaryFolder();
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoFixtureWriter.Write(folder.Path, new DemoMailboxOptions { Contacts = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoFixtureWriter.Write(folder.Path, new DemoMailboxOptions { History = TimeSpan.FromDays(3) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoFixtureWriter.Write(folder.Path, new DemoMailboxOptions { TargetMessages = -1 }));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }
}
