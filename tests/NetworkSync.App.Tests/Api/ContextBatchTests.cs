using NetworkSync.App.Api;
using NetworkSync.App.Tests.FollowUps;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

public sealed class ContextBatchTests(HandBuiltFixture fixture) : IClassFixture<HandBuiltFixture>
{
    [Fact]
    public async Task A_batch_answers_each_address_once_warmest_first_without_the_users_own()
    {
        var errors = ContextEndpoints.Validate(new ContextBatchRequest([Cara, "ANA.ABE@Fabrikam.example", "stranger@nowhere.example", Ana, "Dana Whitfield <DANA@contoso.example>", Ben]), out var addresses);
        Assert.Empty(errors);

        var batch = await fixture.Services.Contexts.GetManyAsync(fixture.Mailbox, addresses, CancellationToken.None);

        Assert.Equal(Now, batch.AsOf);
        Assert.Equal([Ana, Ben, Cara, "stranger@nowhere.example"], batch.People.Select(p => p.Address));
        Assert.True(batch.People[0].Warmth > batch.People[1].Warmth && batch.People[1].Warmth > batch.People[2].Warmth && batch.People[2].Warmth > 0);
        Assert.DoesNotContain(batch.People, p => p.Address == FollowUpMailbox.Dana);
        Assert.False(batch.People[^1].Known);
    }

    [Fact]
    public void More_than_a_hundred_addresses_or_none_are_rejected()
    {
        var hundred = Enumerable.Range(0, 100).Select(i => (string?)$"p{i}@x.example").ToList();
        Assert.Empty(ContextEndpoints.Validate(new ContextBatchRequest(hundred), out var accepted));
        Assert.Equal(100, accepted.Count);

        Assert.Contains("addresses", ContextEndpoints.Validate(new ContextBatchRequest([.. hundred, "p100@x.example"]), out _).Keys);
        Assert.Contains("addresses", ContextEndpoints.Validate(new ContextBatchRequest([]), out _).Keys);
        Assert.Contains("addresses", ContextEndpoints.Validate(new ContextBatchRequest(null), out _).Keys);
        Assert.Contains("addresses", ContextEndpoints.Validate(null, out _).Keys);
    }

    [Fact]
    public void Malformed_addresses_are_named_with_their_position()
    {
        var errors = ContextEndpoints.Validate(new ContextBatchRequest([Ana, "not an address", null, "ana@", Ben]), out _);

        Assert.Equal(["addresses[1]", "addresses[2]", "addresses[3]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'not an address'", errors["addresses[1]"][0], StringComparison.Ordinal);
        Assert.Contains("'ana@'", errors["addresses[3]"][0], StringComparison.Ordinal);
    }
}
