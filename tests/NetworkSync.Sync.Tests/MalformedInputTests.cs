using System.Text.Json.Nodes;
using NetworkSync.Sync.Http;

namespace NetworkSync.Sync.Tests;

public sealed class MalformedInputTests
{
    [Fact]
    public async Task Malformed_fixture_records_are_reported_with_file_and_index_and_the_rest_syncs()
    {
        var fixture = new TestFixture().AddMessages("inbox", 10);
        fixture.Add("inbox", new JsonObject { ["subject"] = "no id", ["sentDateTime"] = "2026-01-01T00:00:00Z" });
        var broken = fixture.NewMessage("inbox", "x@fabrikam.example", TestFixture.Start);
        broken["sentDateTime"] = "yesterday-ish";
        broken["receivedDateTime"] = 42;
        fixture.Add("inbox", broken);
        await using var harness = await SyncHarness.StartAsync(fixture);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, harness.Emulator.LoadProblems.Count(p => p.File.Contains("inbox", StringComparison.Ordinal)));
        Assert.Contains(harness.Emulator.LoadProblems, p => p.Index == 10);
        Assert.Equal((10L, 0L), await harness.CountAsync());
    }

    [Fact]
    public async Task A_malformed_item_inside_a_Graph_page_is_skipped_and_the_page_is_kept()
    {
        var fixture = new TestFixture().AddMessages("inbox", 10);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"]);
        Assert.True((await harness.SyncAsync()).Succeeded);
        var odd = fixture.NewMessage("inbox", "y@fabrikam.example", TestFixture.Start);
        odd.Remove("sentDateTime");
        odd.Remove("receivedDateTime");
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", odd);
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", fixture.NewMessage("inbox", "z@fabrikam.example", TestFixture.Start));

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        var inbox = Assert.Single(result.Collections, c => c.Collection == "messages:inbox");
        Assert.Equal(1, inbox.Skipped);
        Assert.Equal((11L, 0L), await harness.CountAsync());
    }

    [Theory]
    [InlineData("3", 3000)]
    [InlineData("2.128", 2128)]
    [InlineData(" 0.5 ", 500)]
    [InlineData("Wed, 25 Nov 2026 12:00:10 GMT", 10000)]
    public void Retry_After_is_read_in_whole_fractional_and_date_forms(string header, int expectedMilliseconds)
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), RetryAfterParser.Parse(header, now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1")]
    public void Unreadable_Retry_After_gives_no_hint(string? header) =>
        Assert.Null(RetryAfterParser.Parse(header, DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1.0/users", true)]
    [InlineData("http://127.0.0.1:5001/v1.0/users", false)]
    [InlineData("https://127.0.0.1:5000/v1.0/users", false)]
    [InlineData("http://evil@127.0.0.1:5000/v1.0/users", false)]
    [InlineData("http://127.0.0.1.evil.example:5000/v1.0/users", false)]
    public void Only_the_configured_Graph_authority_is_accepted(string link, bool accepted) =>
        Assert.Equal(accepted, GraphHostGuardHandler.IsSameAuthority(new Uri(link), new Uri("http://127.0.0.1:5000/v1.0")));
}
