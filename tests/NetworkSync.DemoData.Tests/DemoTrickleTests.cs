using System.Text.Json.Nodes;

namespace NetworkSync.DemoData.Tests;

public sealed class DemoTrickleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] MailFolders = ["inbox", "sentitems"];

    private readonly TemporaryFolder _folder = new();
    private readonly DemoFixtureSummary _summary;

    public DemoTrickleTests()
    {
        _summary = DemoFixtureWriter.Write(_folder.Path, new DemoMailboxOptions { Contacts = 60, History = TimeSpan.FromDays(120) });
    }

    [Fact]
    public void TrickleYieldsMailAndMeetingsDatedNowBetweenTheOwnerAndPlantedPeople()
    {
        var trickle = new DemoTrickle(_summary, seed: 1);
        var people = File.ReadAllText(_summary.TruthPath);
        var owner = new[] { "dana.whitfield@contoso.example", "dana@contoso.example" };
        var folders = new HashSet<string>();
        var ids = new HashSet<string>();
        for (var step = 0; step < 200; step++)
        {
            var now = Start.AddMinutes(7 * step).AddSeconds(13);
            var item = trickle.Next(now);
            folders.Add(item.Folder);
            Assert.True(ids.Add(item.Resource["id"]!.GetValue<string>()), "trickle ids are unique");
            if (item.Folder == "calendar")
            {
                Assert.Equal(now.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) + ":00.0000000", item.Resource["start"]!["dateTime"]!.GetValue<string>());
                Assert.Equal("UTC", item.Resource["start"]!["timeZone"]!.GetValue<string>());
                Assert.NotNull(item.Resource["attendees"]);
                Assert.NotNull(item.Resource["responseStatus"]);
                continue;
            }

            Assert.Contains(item.Folder, MailFolders);
            Assert.Equal(now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), item.Resource["sentDateTime"]!.GetValue<string>());
            var from = Address(item.Resource["from"]!);
            var to = Address(item.Resource["toRecipients"]![0]!);
            var (person, self) = item.Folder == "sentitems" ? (to, from) : (from, to);
            Assert.Contains(self, owner);
            Assert.Contains($"\"address\": \"{person}\"", people, StringComparison.Ordinal);
        }

        Assert.Equal(new HashSet<string> { "inbox", "sentitems", "calendar" }, folders);
    }

    [Fact]
    public void TheSameSeedAndClockGiveTheSameTrickle()
    {
        var first = new DemoTrickle(_summary.TruthPath, seed: 5);
        var second = new DemoTrickle(_summary.TruthPath, seed: 5);
        for (var step = 0; step < 50; step++)
        {
            var now = Start.AddHours(step);
            Assert.Equal(first.Next(now).Resource.ToJsonString(), second.Next(now).Resource.ToJsonString());
        }
    }

    public void Dispose() => _folder.Dispose();

    private static string Address(JsonNode holder) => holder["emailAddress"]!["address"]!.GetValue<string>();
}
