using System.Text.Json;

namespace NetworkSync.App.Tests;

/// <summary>`networksync evaluate --db --mailbox --json` and `contacts --all` as ../shared/contracts/cli.md specifies them, run as a real process.</summary>
public sealed class EvaluateMailboxCliTests
{
    private const string AsOf = "2026-11-25T12:00:00Z";
    private const string Mailbox = "dana.whitfield@contoso.example";

    [Fact]
    public async Task A_synced_mailbox_is_backtested_beside_the_three_baselines_and_every_person_seen_gets_a_score()
    {
        var fixture = CliRunner.TempPath("fixture");
        var db = CliRunner.TempPath("evaluate.db");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "60", "--as-of", AsOf)).ExitCode);
        var sync = await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf);
        Assert.True(sync.ExitCode == 0, sync.StdErr);

        var evaluate = await CliRunner.RunAsync("evaluate", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");

        Assert.True(evaluate.ExitCode == 0, evaluate.StdErr);
        using var json = JsonDocument.Parse(evaluate.StdOut);
        var root = json.RootElement;
        Assert.Equal(Mailbox, root.GetProperty("mailbox").GetString());
        Assert.Equal(90, root.GetProperty("horizonDays").GetInt32());
        var cutoffs = root.GetProperty("cutoffs").EnumerateArray().Select(c => DateTimeOffset.Parse(c.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(cutoffs);
        Assert.All(cutoffs, c => Assert.True(c <= DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture).AddDays(-90)));
        Assert.True(root.GetProperty("candidates").GetInt32() > 0);
        Assert.InRange(root.GetProperty("auc").GetDouble(), 0.5, 1);
        Assert.InRange(root.GetProperty("averagePrecision").GetDouble(), 0, 1);
        foreach (var baseline in new[] { "recency", "frequency365", "decayedCount" })
        {
            Assert.InRange(root.GetProperty("baselines").GetProperty(baseline).GetDouble(), 0, 1);
        }

        var listed = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");
        var all = await CliRunner.RunAsync("contacts", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--all", "--json");
        var listedAddresses = Addresses(listed.StdOut);
        var allAddresses = Addresses(all.StdOut);
        Assert.Subset(allAddresses.ToHashSet(), listedAddresses.ToHashSet());
        using var allJson = JsonDocument.Parse(all.StdOut);
        Assert.All(allJson.RootElement.EnumerateArray(), c => Assert.InRange(c.GetProperty("warmth").GetDouble(), 0, 100));
        // People only ever copied beside the owner are listed with --all (and only then).
        Assert.Contains(allJson.RootElement.EnumerateArray(), c => c.GetProperty("interactions").GetProperty("sent").GetInt32() == 0
            && c.GetProperty("interactions").GetProperty("received").GetInt32() == 0
            && c.GetProperty("interactions").GetProperty("meetings").GetInt32() == 0
            && !listedAddresses.Contains(c.GetProperty("address").GetString()));
    }

    [Fact]
    public async Task A_history_too_thin_to_backtest_prints_null_figures_with_a_reason_and_exits_0()
    {
        var fixture = CliRunner.TempPath("thin");
        var userId = "11111111-2222-4333-8444-555555555555";
        var sent = Path.Combine(fixture, "users", userId, "mailFolders", "sentitems");
        Directory.CreateDirectory(sent);
        await File.WriteAllTextAsync(Path.Combine(fixture, "users.json"), $$"""{ "value": [ { "id": "{{userId}}", "mail": "{{Mailbox}}", "userPrincipalName": "{{Mailbox}}", "displayName": "Dana Whitfield" } ] }""");
        await File.WriteAllTextAsync(Path.Combine(sent, "messages.json"), """
            { "value": [ { "id": "m1", "sentDateTime": "2026-11-20T10:00:00Z", "receivedDateTime": "2026-11-20T10:00:00Z", "isDraft": false,
              "from": { "emailAddress": { "name": "Dana Whitfield", "address": "dana.whitfield@contoso.example" } },
              "toRecipients": [ { "emailAddress": { "name": "Ana Abe", "address": "ana.abe@fabrikam.example" } } ] } ] }
            """);
        var db = CliRunner.TempPath("thin.db");
        var sync = await CliRunner.RunAsync("sync", "--fixture", fixture, "--db", db, "--as-of", AsOf);
        Assert.True(sync.ExitCode == 0, sync.StdErr);

        var evaluate = await CliRunner.RunAsync("evaluate", "--db", db, "--mailbox", Mailbox, "--as-of", AsOf, "--json");

        Assert.True(evaluate.ExitCode == 0, evaluate.StdErr);
        using var json = JsonDocument.Parse(evaluate.StdOut);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("auc").ValueKind);
        Assert.StartsWith("too little history", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static List<string?> Addresses(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(c => c.GetProperty("address").GetString()).ToList();
    }
}
