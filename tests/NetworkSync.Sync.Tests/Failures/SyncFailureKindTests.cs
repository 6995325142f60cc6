using NetworkSync.Domain.Sync;
using NetworkSync.GraphEmulator;

namespace NetworkSync.Sync.Tests.Failures;

/// <summary>Against the emulator: the kind a failed sync records on its mailbox, with the failure count and the next attempt.</summary>
public sealed class SyncFailureKindTests
{
    [Theory]
    [InlineData(FaultKind.AccessDenied, SyncFailureKind.PermissionDenied)]
    [InlineData(FaultKind.MailboxNotFound, SyncFailureKind.MailboxNotFound)]
    [InlineData(FaultKind.ForeignLinks, SyncFailureKind.ForeignLink)]
    public async Task A_failure_someone_must_fix_is_recorded_with_its_kind_and_no_next_attempt(FaultKind fault, SyncFailureKind expected)
    {
        var fixture = new TestFixture().AddMessages("inbox", 5).AddMessages("sentitems", 2);
        await using var harness = await SyncHarness.StartAsync(fixture);
        harness.Emulator.Faults.Add(new FaultRule { Kind = fault, Endpoint = EndpointKind.MessagesDelta, Mailbox = TestFixture.UserId, Times = int.MaxValue });

        var result = await harness.SyncAsync();

        Assert.Equal(expected, result.FailureKind);
        Assert.All(result.Collections.Where(c => !c.Succeeded), c => Assert.Equal(expected, c.FailureKind));
        var row = await harness.MailboxAsync();
        Assert.Equal(("failed", expected.ToWire(), 1, (long?)null), (row.LastSyncStatus, row.LastFailureKind, row.ConsecutiveFailures, row.NextAttemptMs));
    }

    [Fact]
    public async Task A_delta_token_that_keeps_expiring_is_recorded_as_such_and_retried_after_a_pause()
    {
        var fixture = new TestFixture().AddMessages("inbox", 5).AddMessages("sentitems", 2);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.PageSize = 2);
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SyncStateNotFound, Endpoint = EndpointKind.MessagesDelta, Mailbox = TestFixture.UserId, Times = int.MaxValue });

        var result = await harness.SyncAsync();

        Assert.Equal(SyncFailureKind.SyncStateExpired, result.FailureKind);
        var row = await harness.MailboxAsync();
        Assert.Equal(("syncStateExpired", 1), (row.LastFailureKind, row.ConsecutiveFailures));
        Assert.NotNull(row.NextAttemptMs);
    }

    [Fact]
    public async Task A_success_forgets_the_failures()
    {
        var fixture = new TestFixture().AddMessages("inbox", 5).AddMessages("sentitems", 2);
        await using var harness = await SyncHarness.StartAsync(fixture);
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Endpoint = EndpointKind.CalendarViewDelta, Mailbox = TestFixture.UserId, Times = 2 });
        Assert.Equal(SyncFailureKind.PermissionDenied, (await harness.SyncAsync()).FailureKind);
        Assert.Equal(SyncFailureKind.PermissionDenied, (await harness.SyncAsync()).FailureKind);
        Assert.Equal(2, (await harness.MailboxAsync()).ConsecutiveFailures);

        Assert.True((await harness.SyncAsync()).Succeeded);

        var row = await harness.MailboxAsync();
        Assert.Equal(("succeeded", null, 0, (long?)null, (string?)null), (row.LastSyncStatus, row.LastFailureKind, row.ConsecutiveFailures, row.NextAttemptMs, row.LastSyncError));
    }
}
