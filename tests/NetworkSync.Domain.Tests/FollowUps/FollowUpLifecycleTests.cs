using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Domain.Tests.FollowUps;

/// <summary>Repeating "done" or "dismiss" changes nothing: when and why it closed stay as first recorded.</summary>
public sealed class FollowUpLifecycleTests
{
    private static readonly DateTimeOffset First = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = First.AddHours(5);

    private static readonly FollowUpRecord Open = FollowUpLifecycle.CreateManual("mbx", Guid.Parse("8d7f1c3e-0000-4000-8000-000000000001"), ["ana@contoso.example"], "Send the deck", First.AddDays(1), First.AddDays(-1));

    [Fact]
    public void Completing_a_done_follow_up_again_keeps_its_completion_time_and_resolution()
    {
        var done = FollowUpLifecycle.Complete(Open, First, FollowUpResolution.TodoCompleted);
        var again = FollowUpLifecycle.Complete(done, Later);
        Assert.Same(done, again);
        Assert.Equal(First, again.CompletedAt);
        Assert.Equal(FollowUpResolution.TodoCompleted, again.Resolution);
    }

    [Fact]
    public void Dismissing_a_dismissed_follow_up_again_keeps_its_time_and_resolution()
    {
        var dismissed = FollowUpLifecycle.Dismiss(Open, First, FollowUpResolution.TodoDeleted);
        var again = FollowUpLifecycle.Dismiss(dismissed, Later);
        Assert.Same(dismissed, again);
        Assert.Equal(First, again.CompletedAt);
        Assert.Equal(FollowUpResolution.TodoDeleted, again.Resolution);
    }

    [Fact]
    public void A_done_follow_up_can_still_be_dismissed_and_a_dismissed_one_done()
    {
        var dismissed = FollowUpLifecycle.Dismiss(FollowUpLifecycle.Complete(Open, First), Later);
        Assert.Equal(FollowUpStatus.Dismissed, dismissed.Status);
        Assert.Equal(Later, dismissed.CompletedAt);
    }
}
