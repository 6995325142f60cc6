using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests.Relationships;

public sealed class ReplyDebtTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Their_unanswered_mail_within_the_window_is_owed_a_reply()
    {
        Assert.True(ReplyDebt.Owes(automated: false, theirLatest: Now.AddDays(-3), ownerLatest: Now.AddDays(-10), Now));
        Assert.True(ReplyDebt.Owes(automated: false, theirLatest: Now.AddDays(-3), ownerLatest: null, Now));
    }

    [Fact]
    public void A_reply_since_their_mail_settles_the_debt()
    {
        Assert.False(ReplyDebt.Owes(automated: false, theirLatest: Now.AddDays(-3), ownerLatest: Now.AddDays(-2), Now));
        Assert.False(ReplyDebt.Owes(automated: false, theirLatest: Now.AddDays(-3), ownerLatest: Now.AddDays(-3), Now));
    }

    [Fact]
    public void Mail_older_than_the_window_is_no_longer_owed()
    {
        Assert.True(ReplyDebt.Owes(automated: false, theirLatest: Now - ReplyDebt.Window, ownerLatest: null, Now));
        Assert.False(ReplyDebt.Owes(automated: false, theirLatest: Now - ReplyDebt.Window - TimeSpan.FromTicks(1), ownerLatest: null, Now));
    }

    [Fact]
    public void Automated_senders_and_people_never_scored_are_owed_nothing()
    {
        Assert.False(ReplyDebt.Owes(automated: true, theirLatest: Now.AddDays(-1), ownerLatest: null, Now));
        Assert.False(ReplyDebt.Owes(automated: null, theirLatest: Now.AddDays(-1), ownerLatest: null, Now));
        Assert.False(ReplyDebt.Owes(automated: false, theirLatest: null, ownerLatest: null, Now));
    }

    [Fact]
    public void Only_threaded_mail_naming_the_owner_in_To_asks_for_a_reply()
    {
        var mail = new Interaction("ana@fabrikam.example", "Ana", InteractionDirection.Inbound, Now, 1, "m1", ConversationId: "c1", Role: InteractionRole.To);

        Assert.True(ReplyDebt.AsksForReply(mail));
        Assert.False(ReplyDebt.AsksForReply(mail with { Role = InteractionRole.Cc }));
        Assert.False(ReplyDebt.AsksForReply(mail with { ConversationId = null }));
        Assert.False(ReplyDebt.AsksForReply(mail with { Direction = InteractionDirection.Outbound }));
    }
}
