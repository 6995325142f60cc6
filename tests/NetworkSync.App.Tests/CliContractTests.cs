using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetworkSync.App.Tests;

/// <summary>The `networksync` command line as ../shared/contracts/cli.md specifies it, run as a real process.</summary>
public sealed partial class CliContractTests
{
    private const string AsOf = "2026-11-25T12:00:00Z";
    private const string Mailbox = "dana.whitfield@contoso.example";
    private static readonly string[] Kinds = ["after-meeting", "before-meeting", "reconnect"];
    private static readonly string[] Statuses = ["open", "done", "dismissed", "snoozed"];

    [Fact]
    public async Task Sync_then_contacts_follow_the_contract()
    {
        var fixture = CliRunner.TempPath("fixture");
        var db = CliRunner.TempPath("cli.db");
        var generated = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "60", "--as-of", AsOf);
        Assert.Equal(0, generated.ExitCode);

        var first = await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf);
        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Equal(string.Empty, first.StdOut);
        var summary = SummaryLine().Match(first.StdErr.TrimEnd().Split('\n')[^1]);
        Assert.True(summary.Success, first.StdErr);
        Assert.Equal("1", summary.Groups["mailboxes"].Value);
        Assert.True(int.Parse(summary.Groups["messages"].Value, System.Globalization.CultureInfo.InvariantCulture) > 100);

        var second = await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf);
        Assert.Equal(0, second.ExitCode);
        var again = SummaryLine().Match(second.StdErr.TrimEnd().Split('\n')[^1]);
        Assert.Equal("0", again.Groups["messages"].Value);
        Assert.Equal("3", again.Groups["requests"].Value); // inbox, sentitems, calendarView: one delta round-trip each

        var contacts = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");
        Assert.True(contacts.ExitCode == 0, contacts.StdErr);
        using var json = JsonDocument.Parse(contacts.StdOut);
        var list = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(list);
        var previous = double.MaxValue;
        foreach (var contact in list)
        {
            var address = contact.GetProperty("address").GetString()!;
            Assert.Equal(address.ToLowerInvariant(), address);
            Assert.DoesNotContain("dana", address, StringComparison.Ordinal);
            var warmth = contact.GetProperty("warmth").GetDouble();
            Assert.InRange(warmth, 0, 100);
            Assert.True(warmth <= previous, "warmest first");
            previous = warmth;
            Assert.False(contact.GetProperty("automated").GetBoolean());
            foreach (var date in new[] { "lastContact", "lastInbound", "lastOutbound", "lastMeeting" })
            {
                var value = contact.GetProperty(date);
                Assert.True(value.ValueKind == JsonValueKind.Null || IsoUtc().IsMatch(value.GetString()!), $"{date}: {value}");
            }

            _ = contact.GetProperty("displayName");
            _ = contact.GetProperty("dormant").GetBoolean();
            var interactions = contact.GetProperty("interactions");
            Assert.True(interactions.GetProperty("sent").GetInt32() + interactions.GetProperty("received").GetInt32() + interactions.GetProperty("meetings").GetInt32() > 0);
        }

        var all = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json", "--all");
        using var allJson = JsonDocument.Parse(all.StdOut);
        Assert.Contains(allJson.RootElement.EnumerateArray(), c => c.GetProperty("automated").GetBoolean());

        await FollowupsFollowTheContract(fixture, db);
    }

    private static async Task FollowupsFollowTheContract(string fixture, string db)
    {
        var followups = await CliRunner.RunAsync("followups", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");
        Assert.True(followups.ExitCode == 0, followups.StdErr);
        using var json = JsonDocument.Parse(followups.StdOut);
        var list = json.RootElement.EnumerateArray().ToList();
        Assert.Contains(list, f => f.GetProperty("kind").GetString() == "after-meeting");
        foreach (var followUp in list)
        {
            var kind = followUp.GetProperty("kind").GetString();
            Assert.Contains(kind, Kinds);
            Assert.False(string.IsNullOrEmpty(followUp.GetProperty("id").GetString()));
            Assert.Equal(kind == "reconnect" ? JsonValueKind.Null : JsonValueKind.String, followUp.GetProperty("eventId").ValueKind);
            var contacts = followUp.GetProperty("contacts").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.NotEmpty(contacts);
            Assert.All(contacts, c => Assert.Equal(c.ToLowerInvariant(), c));
            Assert.DoesNotContain(contacts, c => c.StartsWith("dana", StringComparison.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(followUp.GetProperty("title").GetString()));
            Assert.Matches(IsoUtc(), followUp.GetProperty("due").GetString()!);
            Assert.Contains(followUp.GetProperty("status").GetString(), Statuses);
        }

        // Re-syncing and asking again changes nothing: the same follow-ups, with the same ids.
        Assert.Equal(0, (await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf)).ExitCode);
        var again = await CliRunner.RunAsync("followups", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");
        Assert.Equal(followups.StdOut, again.StdOut);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("sync")]
    [InlineData("contacts", "--db", "x.db")]
    [InlineData("contacts", "--db", "x.db", "--mailbox", "a@b.example", "--as-of", "last tuesday", "--json")]
    [InlineData("sync", "--db", "x.db", "--colour", "blue")]
    [InlineData("demo-fixture", "--out", "x", "--contacts", "10")]
    public async Task Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public async Task Expected_failures_exit_1_with_a_reason_and_no_stack_trace()
    {
        var missingDb = await CliRunner.RunAsync("contacts", "--db", CliRunner.TempPath("none.db"), "--mailbox", Mailbox, "--json");
        Assert.Equal(1, missingDb.ExitCode);
        Assert.Contains("no database", missingDb.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missingDb.StdErr, StringComparison.Ordinal);

        var missingFixture = await CliRunner.RunAsync("sync", "--fixture", CliRunner.TempPath("nothing"), "--db", CliRunner.TempPath("x.db"));
        Assert.Equal(1, missingFixture.ExitCode);
        Assert.Contains("not a fixture folder", missingFixture.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missingFixture.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5999")]
    [InlineData("http://*:5999")]
    [InlineData("http://192.168.1.10:5999")]
    public async Task Local_mode_refuses_to_listen_beyond_loopback(string url)
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);

        var result = await CliRunner.RunAsync("serve", "--fixture", fixture, "--db", CliRunner.TempPath("refuse.db"), "--urls", url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("loopback only", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [GeneratedRegex(@"^summary: mailboxes=(?<mailboxes>\d+) messages=(?<messages>\d+) events=(?<events>\d+) graphRequests=(?<requests>\d+) seconds=[\d.]+$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoUtc();
}
