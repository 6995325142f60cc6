using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Domain.Tests.FollowUps;

public sealed class FollowUpFilterTests
{
    [Theory]
    [InlineData("active", FollowUpFilter.Active)]
    [InlineData("open", FollowUpFilter.Open)]
    [InlineData("snoozed", FollowUpFilter.Snoozed)]
    [InlineData("done", FollowUpFilter.Done)]
    [InlineData("dismissed", FollowUpFilter.Dismissed)]
    [InlineData("all", FollowUpFilter.All)]
    public void Filters_keep_their_query_names(string wire, FollowUpFilter filter)
    {
        Assert.True(FollowUpFilterNames.TryFromWire(wire, out var parsed));
        Assert.Equal(filter, parsed);
        Assert.Equal(wire, filter.ToWire());
    }

    [Fact]
    public void No_filter_is_active_and_an_unknown_one_is_refused()
    {
        Assert.True(FollowUpFilterNames.TryFromWire(null, out var none));
        Assert.Equal(FollowUpFilter.Active, none);
        Assert.False(FollowUpFilterNames.TryFromWire("withdrawn", out _));
        Assert.False(FollowUpFilterNames.TryFromWire("Open", out _));
    }

    [Fact]
    public void Active_is_open_and_snoozed_and_all_is_everything()
    {
        var statuses = Enum.GetValues<FollowUpStatus>();

        Assert.Equal([FollowUpStatus.Open, FollowUpStatus.Snoozed], statuses.Where(s => FollowUpFilter.Active.Matches(s)).Order());
        Assert.Equal(statuses, statuses.Where(s => FollowUpFilter.All.Matches(s)));
        Assert.Equal([FollowUpStatus.Done], statuses.Where(s => FollowUpFilter.Done.Matches(s)));
    }
}
