namespace NetworkSync.DemoData.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void SameOptionsWriteByteIdenticalFiles()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        var options = new DemoMailboxOptions();
        DemoFixtureWriter.Write(first.Path, options);
        DemoFixtureWriter.Write(second.Path, options);

        var firstFiles = RelativeFiles(first.Path);
        Assert.Equal(firstFiles, RelativeFiles(second.Path));
        Assert.Equal(8, firstFiles.Count);
        foreach (var file in firstFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, file))),
                $"{file} differs between two runs");
        }
    }

    [Fact]
    public void ADifferentSeedGivesADifferentMailbox()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        var small = new DemoMailboxOptions { Contacts = 60, History = TimeSpan.FromDays(200) };
        var one = DemoFixtureWriter.Write(first.Path, small);
        var other = DemoFixtureWriter.Write(second.Path, small with { Seed = 7 });
        Assert.NotEqual(one.UserId, other.UserId);
        Assert.NotEqual(File.ReadAllText(one.TruthPath), File.ReadAllText(other.TruthPath));
    }

    private static List<string> RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();
}
