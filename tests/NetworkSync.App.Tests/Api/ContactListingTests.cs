using NetworkSync.App.Api;
using NetworkSync.Application.Context;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

public sealed class ContactListingTests(HandBuiltFixture fixture) : IClassFixture<HandBuiltFixture>
{
    private Task<ContactPage> ListAsync(ContactListFilter filter = ContactListFilter.Warmest, string? search = null, int offset = 0, int limit = 50) =>
        fixture.Services.Listing.ListAsync(fixture.Mailbox, filter, search, offset, limit, CancellationToken.None);

    [Fact]
    public async Task Warmest_lists_people_warmest_first_without_automated_senders()
    {
        var page = await ListAsync();

        var scored = (await fixture.Services.Scores.GetAsync(fixture.Mailbox, Now, includeAutomated: false, CancellationToken.None)).Select(c => c.Address).ToList();
        Assert.Equal(scored, page.Items.Select(i => i.Address));
        Assert.Equal(Ana, page.Items[0].Address);
        Assert.DoesNotContain(page.Items, i => i.Address == Robot);
        Assert.Equal(page.Items.OrderByDescending(i => i.Warmth).Select(i => i.Warmth), page.Items.Select(i => i.Warmth));
        Assert.All(page.Items, i => Assert.False(i.Muted));
        Assert.Equal((page.Items.Count, 0, 50), (page.Total, page.Offset, page.Limit));
    }

    [Fact]
    public async Task Cooling_and_dormant_list_only_those_relationships()
    {
        Assert.Equal([Gina], (await ListAsync(ContactListFilter.Cooling)).Items.Select(i => i.Address));
        var dormant = await ListAsync(ContactListFilter.Dormant);
        Assert.Equal([Hal], dormant.Items.Select(i => i.Address));
        Assert.True(dormant.Items[0].Dormant);
    }

    [Fact]
    public async Task Search_matches_addresses_and_names_case_insensitively()
    {
        Assert.Equal([Ana, Ben, Dave], (await ListAsync(search: "FABRIKAM")).Items.Select(i => i.Address).Order(StringComparer.Ordinal));
        Assert.Equal([Ana], (await ListAsync(search: "abe")).Items.Select(i => i.Address));
        Assert.Equal([Gina], (await ListAsync(search: "gina GRAY")).Items.Select(i => i.Address));
        Assert.Equal([ErinNew], (await ListAsync(search: "old.example")).Items.Select(i => i.Address));
        Assert.Empty((await ListAsync(ContactListFilter.Cooling, search: "hal")).Items);
    }

    [Fact]
    public async Task Pages_slice_the_list_and_keep_the_total()
    {
        var all = await ListAsync();
        var second = await ListAsync(offset: 2, limit: 3);
        var beyond = await ListAsync(offset: 500, limit: 3);

        Assert.True(all.Total >= 8);
        Assert.Equal(all.Items.Skip(2).Take(3).Select(i => i.Address), second.Items.Select(i => i.Address));
        Assert.Equal((all.Total, 2, 3), (second.Total, second.Offset, second.Limit));
        Assert.Empty(beyond.Items);
        Assert.Equal(all.Total, beyond.Total);
    }

    [Theory]
    [InlineData(null, null, null, "", 0, 50)]
    [InlineData("muted", "10", "200", "", 10, 200)]
    [InlineData("hottest", null, null, "filter", 0, 50)]
    [InlineData(null, "-1", null, "offset", 0, 50)]
    [InlineData(null, "x", null, "offset", 0, 50)]
    [InlineData(null, null, "0", "limit", 0, 50)]
    [InlineData(null, null, "201", "limit", 0, 50)]
    public void Listing_parameters_are_checked(string? filter, string? offset, string? limit, string wrong, int expectedOffset, int expectedLimit)
    {
        var errors = ContactEndpoints.ValidateListing(filter, offset, limit, out _, out var parsedOffset, out var parsedLimit);

        Assert.Equal(wrong.Length == 0 ? [] : [wrong], errors.Keys);
        if (wrong.Length == 0)
        {
            Assert.Equal((expectedOffset, expectedLimit), (parsedOffset, parsedLimit));
        }
    }
}
