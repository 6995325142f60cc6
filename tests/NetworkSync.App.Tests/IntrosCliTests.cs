using System.Text.Json;

namespace NetworkSync.App.Tests;

/// <summary>`networksync intros` as ../shared/contracts/cli.md specifies it, run as a real process on a synced demo fixture.</summary>
public sealed class IntrosCliTests
{
    private const string AsOf = "2026-11-25T12:00:00Z";
    private const string Mailbox = "dana.whitfield@contoso.example";

    [Fact]
    public async Task Intros_to_a_copied_only_person_name_real_introducers_best_first_and_bad_input_answers_as_the_contract_says()
    {
        var fixture = CliRunner.TempPath("intros-fixture");
        var db = CliRunner.TempPath("intros.db");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "60", "--as-of", AsOf)).ExitCode);
        var synced = await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf);
        Assert.True(synced.ExitCode == 0, synced.StdErr);
        var all = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json", "--all");
        using var contacts = JsonDocument.Parse(all.StdOut);
        var automated = contacts.RootElement.EnumerateArray().Where(c => c.GetProperty("automated").GetBoolean()).Select(c => c.GetProperty("address").GetString()!).ToHashSet(StringComparer.Ordinal);

        // Someone Dana was only ever copied with: whoever sent or shared those messages can introduce them.
        var listed = contacts.RootElement.EnumerateArray().Select(c => c.GetProperty("address").GetString()!).ToHashSet(StringComparer.Ordinal);
        var defaultListing = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");
        using var shown = JsonDocument.Parse(defaultListing.StdOut);
        var copiedOnly = listed.Except(shown.RootElement.EnumerateArray().Select(c => c.GetProperty("address").GetString()!)).Except(automated).Order(StringComparer.Ordinal).First();

        var intros = await CliRunner.RunAsync("intros", "--db", db, "--mailbox", Mailbox, "--to", copiedOnly, "--as-of", AsOf, "--json");

        Assert.True(intros.ExitCode == 0, intros.StdErr);
        using var json = JsonDocument.Parse(intros.StdOut);
        var paths = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p =>
        {
            var address = p.GetProperty("address").GetString()!;
            Assert.NotEqual(copiedOnly, address);
            Assert.DoesNotContain(address, automated);
            Assert.False(address.StartsWith("dana", StringComparison.Ordinal), "the owner is never an introducer");
            Assert.InRange(p.GetProperty("warmth").GetDouble(), 0, 100);
            var evidence = p.GetProperty("evidence");
            Assert.True(evidence.GetProperty("sharedMessages").GetInt32() + evidence.GetProperty("sharedMeetings").GetInt32() > 0);
            Assert.True(DateTimeOffset.Parse(evidence.GetProperty("lastTogether").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("explanation").GetString()));
        });
        var scores = paths.Select(p => p.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var nobody = await CliRunner.RunAsync("intros", "--db", db, "--mailbox", Mailbox, "--to", "nobody.knows@nowhere.example", "--as-of", AsOf, "--json");
        Assert.Equal((0, "[]"), (nobody.ExitCode, nobody.StdOut.Trim()));

        var bad = await CliRunner.RunAsync("intros", "--db", db, "--mailbox", Mailbox, "--to", "not-an-address", "--json");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(string.Empty, bad.StdOut);
        Assert.Single(bad.StdErr.Trim().Split('\n'));
    }
}
