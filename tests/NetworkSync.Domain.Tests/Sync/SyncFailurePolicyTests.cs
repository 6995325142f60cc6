using NetworkSync.Domain.Sync;

namespace NetworkSync.Domain.Tests.Sync;

public sealed class SyncFailurePolicyTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly SyncFailurePolicy Policy = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(6));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(6, 160)]
    [InlineData(7, 320)]
    [InlineData(8, 360)]
    [InlineData(100, 360)]
    [InlineData(int.MaxValue, 360)]
    public void The_pause_doubles_with_each_failure_in_a_row_up_to_the_cap(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Policy.Backoff(failures));

    [Fact]
    public void No_pause_is_defined_before_the_first_failure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.Backoff(0));

    [Theory]
    [InlineData(SyncFailureKind.Transient)]
    [InlineData(SyncFailureKind.Throttled)]
    [InlineData(SyncFailureKind.SyncStateExpired)]
    [InlineData(SyncFailureKind.MalformedData)]
    [InlineData(SyncFailureKind.Unexpected)]
    public void Passing_kinds_are_retried_after_the_pause(SyncFailureKind kind)
    {
        Assert.False(SyncFailurePolicy.IsPermanent(kind));
        var next = Policy.NextAttempt(kind, 3, FailedAt);
        Assert.Equal(FailedAt.AddMinutes(20), next);
        Assert.False(SyncFailurePolicy.MayRunScheduled(kind, next, FailedAt.AddMinutes(19)));
        Assert.True(SyncFailurePolicy.MayRunScheduled(kind, next, FailedAt.AddMinutes(20)));
    }

    [Theory]
    [InlineData(SyncFailureKind.SignedOut)]
    [InlineData(SyncFailureKind.ConsentMissing)]
    [InlineData(SyncFailureKind.PermissionDenied)]
    [InlineData(SyncFailureKind.MailboxNotFound)]
    [InlineData(SyncFailureKind.ForeignLink)]
    public void Kinds_someone_must_fix_are_never_retried_by_the_schedule(SyncFailureKind kind)
    {
        Assert.True(SyncFailurePolicy.IsPermanent(kind));
        Assert.Null(Policy.NextAttempt(kind, 1, FailedAt));
        Assert.False(SyncFailurePolicy.MayRunScheduled(kind, null, FailedAt.AddYears(1)));
    }

    [Fact]
    public void A_mailbox_without_a_failure_is_always_synced_by_the_schedule() =>
        Assert.True(SyncFailurePolicy.MayRunScheduled(null, null, FailedAt));

    [Fact]
    public void Every_kind_has_a_wire_name_that_reads_back_and_advice_that_says_what_to_do()
    {
        foreach (var kind in Enum.GetValues<SyncFailureKind>())
        {
            Assert.Equal(kind, SyncFailureKindNames.FromWire(kind.ToWire()));
            Assert.False(string.IsNullOrWhiteSpace(SyncFailureAdvice.WhatToDo(kind)));
        }

        Assert.Equal(SyncFailureKind.Unexpected, SyncFailureKindNames.FromWire("written-by-a-newer-version"));
    }

    [Fact]
    public void The_advice_for_a_permission_names_the_permissions_the_sync_requests_and_consent()
    {
        var advice = SyncFailureAdvice.WhatToDo(SyncFailureKind.PermissionDenied);
        Assert.Contains("Mail.ReadBasic.All", advice, StringComparison.Ordinal);
        Assert.Contains("Calendars.ReadBasic.All", advice, StringComparison.Ordinal);
        Assert.Contains("consent", advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SyncOutcome.Never, "never")]
    [InlineData(SyncOutcome.Running, "running")]
    [InlineData(SyncOutcome.Succeeded, "succeeded")]
    [InlineData(SyncOutcome.Failed, "failed")]
    [InlineData(SyncOutcome.Cancelled, "cancelled")]
    public void Outcomes_keep_the_spelling_the_database_and_healthz_always_used(SyncOutcome outcome, string wire)
    {
        Assert.Equal(wire, outcome.ToWire());
        Assert.Equal(outcome, SyncOutcomeNames.FromWire(wire));
    }
}
