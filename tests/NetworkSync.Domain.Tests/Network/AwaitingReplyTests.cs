using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;

namespace NetworkSync.Domain.Tests.Network;

public sealed class AwaitingReplyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Mail_unanswered_for_the_chosen_days_is_waiting_on_them()
    {
        Assert.True(AwaitingReply.Waiting(automated: false, ownerLatest: Now.AddDays(-7), theirLatest: null, Now, Week));
        Assert.True(AwaitingReply.Waiting(automated: false, ownerLatest: Now.AddDays(-10), theirLatest: Now.AddDays(-20), Now, Week));
        Assert.False(AwaitingReply.Waiting(automated: false, ownerLatest: Now.AddDays(-7).AddTicks(1), theirLatest: null, Now, Week));
    }

    [Fact]
    public void The_chosen_days_decide()
    {
        var sent = Now.AddDays(-4);
        Assert.False(AwaitingReply.Waiting(automated: false, sent, theirLatest: null, Now, Week));
        Assert.True(AwaitingReply.Waiting(automated: false, sent, theirLatest: null, Now, TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Any_mail_from_them_since_is_an_answer()
    {
        Assert.False(AwaitingReply.Waiting(automated: false, ownerLatest: Now.AddDays(-10), theirLatest: Now.AddDays(-9), Now, Week));
        Assert.False(AwaitingReply.Waiting(automated: false, ownerLatest: Now.AddDays(-10), theirLatest: Now.AddDays(-10), Now, Week));
        Assert.True(AwaitingReply.IsFromThem(new Interaction("a@x.example", null, InteractionDirection.Inbound, Now, 3, "m", Role: InteractionRole.Cc)));
    }

    [Fact]
    public void Mail_older_than_the_window_is_no_longer_waited_on()
    {
        Assert.True(AwaitingReply.Waiting(automated: false, ownerLatest: Now - AwaitingReply.Window, theirLatest: null, Now, Week));
        Assert.False(AwaitingReply.Waiting(automated: false, ownerLatest: Now - AwaitingReply.Window - TimeSpan.FromTicks(1), theirLatest: null, Now, Week));
    }

    [Fact]
    public void Automated_senders_lists_and_people_never_scored_are_never_waited_on()
    {
        Assert.False(AwaitingReply.Waiting(automated: true, ownerLatest: Now.AddDays(-10), theirLatest: null, Now, Week));
        Assert.False(AwaitingReply.Waiting(automated: null, ownerLatest: Now.AddDays(-10), theirLatest: null, Now, Week));
        Assert.False(AwaitingReply.Waiting(automated: false, ownerLatest: null, theirLatest: null, Now, Week));
    }

    [Fact]
    public void Only_the_users_threaded_mail_naming_them_in_To_asks_them()
    {
        Assert.True(AwaitingReply.AsksThem(new Interaction("a@x.example", null, InteractionDirection.Outbound, Now, 1, "m", ConversationId: "c")));
        Assert.False(AwaitingReply.AsksThem(new Interaction("a@x.example", null, InteractionDirection.Outbound, Now, 1, "m", ConversationId: "c", Role: InteractionRole.Cc)));
        Assert.False(AwaitingReply.AsksThem(new Interaction("a@x.example", null, InteractionDirection.Outbound, Now, 1, "m")));
        Assert.False(AwaitingReply.AsksThem(new Interaction("a@x.example", null, InteractionDirection.Inbound, Now, 1, "m", ConversationId: "c")));
    }
}
