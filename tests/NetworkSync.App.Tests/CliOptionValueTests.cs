using System.Text.Json;

namespace NetworkSync.App.Tests;

/// <summary>
/// Option values arrive as the hand-written parser before System.CommandLine took them: `--name=value` as well as
/// `--name value`, the last of a repeated option wins, and a date without an offset is UTC.
/// </summary>
public sealed class CliOptionValueTests
{
    [Theory]
    [InlineData("2026-06-01T10:00:00+02:00", "2026-06-01T08:00:00Z")]
    [InlineData("2026-06-01", "2026-06-01T00:00:00Z")]
    [InlineData("2026-06-01T10:00:00", "2026-06-01T10:00:00Z")]
    public async Task As_of_is_an_ISO_8601_instant_taken_as_UTC_without_an_offset(string given, string expected)
    {
        var fixture = CliRunner.TempPath("fixture");

        var result = await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40", "--as-of", given);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal(expected, PlantedAsOf(fixture));
    }

    [Fact]
    public async Task Name_equals_value_and_repeated_options_take_the_last_value()
    {
        var first = CliRunner.TempPath("first");
        var last = CliRunner.TempPath("last");

        var result = await CliRunner.RunAsync("demo-fixture", $"--out={first}", "--out", last, "--contacts=40", "--as-of=2026-01-01T00:00:00Z", "--as-of=2026-03-01T00:00:00Z");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.False(Directory.Exists(first));
        Assert.Equal("2026-03-01T00:00:00Z", PlantedAsOf(last));
    }

    [Fact]
    public async Task A_value_reaches_the_verb_unchanged()
    {
        var missing = CliRunner.TempPath("db with spaces=and:colons.db");

        var result = await CliRunner.RunAsync("contacts", $"--db={missing}", "--mailbox=a@b.example", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no database at " + missing, result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    private static string PlantedAsOf(string fixture)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture, "planted-truth.json")));
        return truth.RootElement.GetProperty("asOf").GetString()!;
    }
}
