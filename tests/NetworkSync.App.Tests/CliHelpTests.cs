namespace NetworkSync.App.Tests;

/// <summary>`networksync --help` lists every verb with a line saying what it does; `networksync &lt;verb&gt; --help` names its options.</summary>
public sealed class CliHelpTests
{
    // The contract's verbs (../shared/contracts/cli.md) and the additions, each with the options it documents.
    public static TheoryData<string, string[]> Verbs => new()
    {
        { "serve", ["--fixture", "--db", "--as-of", "--urls"] },
        { "sync", ["--fixture", "--db", "--as-of"] },
        { "contacts", ["--db", "--mailbox", "--as-of", "--all", "--json"] },
        { "followups", ["--db", "--mailbox", "--as-of", "--json"] },
        { "evaluate", ["--db", "--mailbox", "--as-of", "--json", "--fixture", "--seed", "--contacts", "--check"] },
        { "emulator", ["--fixture", "--port"] },
        { "intros", ["--db", "--mailbox", "--to", "--as-of", "--json"] },
        { "demo-fixture", ["--out", "--seed", "--contacts", "--messages", "--events", "--as-of"] },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Every_verb_has_help_naming_its_options(string verb, string[] options)
    {
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(verb, "--help");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains($"networksync {verb}", stdout, StringComparison.Ordinal);
        foreach (var option in options)
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task The_root_help_lists_every_verb_with_its_description(string ask)
    {
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(ask);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        var commands = Cli.CommandLineApp.CreateRootCommand().Subcommands;
        Assert.Equal(Verbs.Select(row => (string)row[0]).Order(StringComparer.Ordinal), commands.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var command in commands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
            Assert.Contains(stdout.Split('\n'), line => line.Contains(command.Name, StringComparison.Ordinal) && line.Contains(command.Description!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Help_for_a_verb_does_not_ask_for_its_required_options()
    {
        var (exitCode, stdout, _) = await CliRunner.RunAsync("help", "contacts");

        Assert.Equal(0, exitCode);
        Assert.Contains("--mailbox", stdout, StringComparison.Ordinal);
    }
}
