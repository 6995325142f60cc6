using System.Diagnostics;
using System.Globalization;
using NetworkSync.DemoData;
using NetworkSync.DemoData.Generation;

namespace NetworkSync.DemoData.Tests;

public class ExploreTemp
{
    [Fact]
    public void Explore()
    {
        var log = new System.Text.StringBuilder();
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            DemoMailboxGenerator.Generate(new DemoMailboxOptions());
            log.AppendLine(CultureInfo.InvariantCulture, $"default gen {sw.Elapsed}");
            sw.Restart();
            DemoMailboxGenerator.Generate(new DemoMailboxOptions { TargetMessages = 50_000, TargetEvents = 1_000 });
            log.AppendLine(CultureInfo.InvariantCulture, $"bench gen {sw.Elapsed}");
            sw.Restart();
            var b = DemoFixtureWriter.Write("/tmp/demo-bench", new DemoMailboxOptions { TargetMessages = 50_000, TargetEvents = 1_000 });
            log.AppendLine(CultureInfo.InvariantCulture, $"bench all {sw.Elapsed}");
        }
        File.WriteAllText("/tmp/demo-explore.txt", log.ToString());
    }
}
