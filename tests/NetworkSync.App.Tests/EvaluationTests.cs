namespace NetworkSync.App.Tests;

public sealed class EvaluationTests
{
    /// <summary>The relationship model's minimums, asserted on a small generated mailbox (the full figures are in docs/).</summary>
    [Fact]
    public async Task The_model_meets_its_targets_on_a_small_generated_mailbox()
    {
        var result = await CliRunner.RunAsync("evaluate", "--seed", "11", "--contacts", "80", "--check");

        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("Spearman", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("target missed", result.StdErr, StringComparison.Ordinal);
    }
}
