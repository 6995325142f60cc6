namespace NetworkSync.App.Tests;

/// <summary>Every kind of usage error exits 2 with one line on stderr saying what is wrong, and nothing on stdout.</summary>
public sealed class CliUsageErrorTests
{
    [Theory]
    [InlineData("unknown command 'frobnicate'", "frobnicate")]
    [InlineData("sync: unknown option '--colour'", "sync", "--db", "x.db", "--colour", "blue")]
    [InlineData("serve: unknown option '--colour'", "--colour")]
    [InlineData("contacts: unexpected argument 'extra'", "contacts", "--db", "x.db", "--mailbox", "a@b.example", "extra")]
    [InlineData("sync: --db is required", "sync")]
    [InlineData("followups: --mailbox is required", "followups", "--db", "x.db", "--json")]
    [InlineData("--db needs a value", "contacts", "--mailbox", "a@b.example", "--db")]
    [InlineData("--as-of: 'last tuesday' is not an ISO-8601 date or time", "contacts", "--db", "x.db", "--mailbox", "a@b.example", "--as-of", "last tuesday")]
    [InlineData("--as-of: '2026-13-01' is not an ISO-8601 date or time", "sync", "--db", "x.db", "--as-of=2026-13-01")]
    [InlineData("--seed: 'ten' is not a positive whole number", "demo-fixture", "--out", "x", "--seed", "ten")]
    [InlineData("--contacts: '-5' is not a positive whole number", "evaluate", "--contacts=-5")]
    [InlineData("--port: '70000' is not a port number", "emulator", "--port", "70000")]
    [InlineData("--contacts: at least", "demo-fixture", "--out", "x", "--contacts", "10")]
    [InlineData("evaluate: --db and --mailbox go together", "evaluate", "--db", "x.db", "--json")]
    public async Task A_usage_error_exits_2_with_one_line(string says, params string[] args)
    {
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("networksync: ", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
    }
}
