using System.Text.Json.Nodes;

namespace NetworkSync.Sync.Tests.Hostile;

/// <summary>Markup, SQL and awkward Unicode in names and subjects are data: stored and read back verbatim, never interpreted.</summary>
public sealed class HostileTextTests
{
    public static readonly TheoryData<string> HostileStrings =
    [
        "<img src=x onerror=alert(1)>",
        "\"><script>alert('x')</script>",
        "'; DROP TABLE Messages;--",
        "Robert'); DELETE FROM Events WHERE 1=1;--",
        "evil\u202Egnp.exe",
        "👩\u200D👩\u200D👧\u200D👦 family",
        "emoji 🎉🔥 and 𝕏 𠜎",
        "nul\u0000inside",
        "Zalgo Z\u0351\u0364\u0303a\u0300\u0301l\u0308go",
        "'single-quoted'",
        "\"double-quoted\"",
        "%_\\ like-wildcards",
        new string('a', 255) + "😀",
    ];

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task Hostile_names_and_subjects_are_stored_verbatim_and_the_database_stays_intact(string hostile)
    {
        var fixture = new TestFixture().AddMessages("inbox", 3);
        var message = fixture.NewMessage("inbox", "hostile@fabrikam.example", TestFixture.Start);
        message["id"] = "AAMkHostile";
        message["subject"] = hostile;
        message["from"] = TestFixture.Recipient("hostile@fabrikam.example", hostile);
        message["ccRecipients"] = new JsonArray(TestFixture.Recipient("cc@fabrikam.example", hostile));
        fixture.Add("inbox", message);
        var meeting = TestFixture.NewEvent("AAMkEvtHostile", DateTimeOffset.UtcNow.AddDays(-3), TimeSpan.FromHours(1), "guest@fabrikam.example");
        meeting["subject"] = hostile;
        meeting["attendees"]![0]!["emailAddress"]!["name"] = hostile;
        fixture.AddEvent(meeting);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"]);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.All(result.Collections, c => Assert.Equal(0, c.Skipped));
        Assert.Equal((4L, 1L), await harness.CountAsync());
        var stored = Assert.Single(await HostileDataHarness.MessagesAsync(harness), m => m.Id == "AAMkHostile");
        Assert.Equal(hostile, stored.Subject);
        Assert.Equal(ExpectedName(hostile), stored.From?.DisplayName);
        Assert.Equal(ExpectedName(hostile), Assert.Single(stored.Recipients, r => r.Who.Address == "cc@fabrikam.example").Who.DisplayName);
        var ev = Assert.Single(await HostileDataHarness.EventsAsync(harness));
        Assert.Equal(hostile, ev.Subject);
        Assert.Equal(ExpectedName(hostile), Assert.Single(ev.Attendees).Who.DisplayName);

        // Nothing was executed: both tables and every row are still there.
        Assert.Equal("ok", await HostileDataHarness.IntegrityAsync(harness));
        Assert.Equal(2, await HostileDataHarness.ScalarAsync(harness, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Messages', 'Events');"));

        // Scoring reads the name as text too.
        var contacts = HostileDataHarness.Score(await HostileDataHarness.MessagesAsync(harness), await HostileDataHarness.EventsAsync(harness), TestFixture.Start.AddDays(1));
        Assert.Equal(ExpectedName(hostile), Assert.Single(contacts, c => c.Address == "hostile@fabrikam.example").DisplayName);
    }

    /// <summary>Display names are documented as trimmed of enclosing quotes and capped at 256 UTF-16 units (never splitting a character).</summary>
    private static string ExpectedName(string hostile) =>
        hostile switch
        {
            "'single-quoted'" => "single-quoted",
            "\"double-quoted\"" => "double-quoted",
            _ when hostile.Length > 256 => new string('a', 255),
            _ => hostile,
        };
}
