namespace NetworkSync.App.Tests.Hosting;

/// <summary>
/// `serve --as-of` a past date in demo mode: the in-process emulator keeps the service's (frozen) clock, so the
/// change-notification subscriptions it asks for expire in the emulator's future and are created, not refused
/// with "Subscription expiration must be in the future".
/// </summary>
public sealed class AsOfServeTests
{
    [Fact]
    public async Task Serve_as_of_a_past_date_creates_its_subscriptions()
    {
        var fixture = CliRunner.TempPath("fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40", "--as-of", "2025-03-03T12:00:00Z")).ExitCode);
        await using var service = await ServiceProcess.StartAsync(
            ["--fixture", fixture, "--db", CliRunner.TempPath("as-of.db"), "--as-of", "2025-03-03T12:00:00Z"], key: "as-of-serve-test-key-0123456789");

        Assert.True(
            await Eventually.HoldsAsync(() => Task.FromResult(service.StandardError.Contains("Change-notification subscriptions:", StringComparison.Ordinal))),
            service.StandardError);
        Assert.Matches(@"Change-notification subscriptions: [1-9]\d* created, 0 renewed, 0 kept, 0 deleted, 0 failed", service.StandardError);
        Assert.DoesNotContain("must be in the future", service.StandardError, StringComparison.Ordinal);
    }
}
