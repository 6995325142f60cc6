using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Privacy;

namespace NetworkSync.Domain.Tests.Privacy;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);

    [Fact]
    public void The_cutoff_is_the_retention_days_before_now_and_none_when_off()
    {
        Assert.Equal(Cutoff, new RetentionPolicy(30).CutoffAt(Now));
        Assert.Null(new RetentionPolicy(0).CutoffAt(Now));
        Assert.Null(new RetentionPolicy(-1).CutoffAt(Now));
    }

    [Fact]
    public void Mail_goes_once_both_its_sending_and_its_receipt_are_before_the_cutoff()
    {
        Assert.True(RetentionPolicy.MessageIsPast(Cutoff.AddDays(-2), Cutoff.AddDays(-1), Cutoff));
        Assert.False(RetentionPolicy.MessageIsPast(Cutoff.AddDays(-2), Cutoff, Cutoff));
        Assert.False(RetentionPolicy.MessageIsPast(Cutoff.AddDays(1), Cutoff.AddDays(-1), Cutoff));
    }

    [Fact]
    public void A_meeting_goes_once_it_ended_before_the_cutoff()
    {
        Assert.True(RetentionPolicy.EventIsPast(Cutoff.AddTicks(-1), Cutoff));
        Assert.False(RetentionPolicy.EventIsPast(Cutoff, Cutoff));
    }

    [Fact]
    public void A_follow_up_is_as_old_as_its_meeting_else_its_creation()
    {
        var created = Now.AddDays(-1);

        Assert.Equal(Cutoff, RetentionPolicy.CauseOf(Cutoff, Cutoff.AddHours(-1), created));
        Assert.Equal(Cutoff.AddHours(-1), RetentionPolicy.CauseOf(null, Cutoff.AddHours(-1), created));
        Assert.Equal(created, RetentionPolicy.CauseOf(null, null, created));
    }

    [Theory]
    [InlineData(FollowUpStatus.Open, -5, 5, true)]
    [InlineData(FollowUpStatus.Snoozed, -5, 5, true)]
    [InlineData(FollowUpStatus.Done, -5, -1, true)]
    [InlineData(FollowUpStatus.Done, -5, 5, false)]
    [InlineData(FollowUpStatus.Dismissed, -5, 5, false)]
    [InlineData(FollowUpStatus.Withdrawn, -5, -1, true)]
    [InlineData(FollowUpStatus.Open, 1, -10, false)]
    [InlineData(FollowUpStatus.Done, 1, -10, false)]
    public void Open_follow_ups_go_with_their_cause_and_closed_ones_also_need_an_old_completion(FollowUpStatus status, int causeDays, int closedDays, bool past)
    {
        Assert.Equal(past, RetentionPolicy.FollowUpIsPast(status, Cutoff.AddDays(causeDays), Cutoff.AddDays(closedDays), Cutoff));
    }
}
