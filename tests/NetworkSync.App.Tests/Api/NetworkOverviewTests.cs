using System.Diagnostics;
using NetworkSync.Application.Network;
using NetworkSync.Application.Settings;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;
using Xunit.Abstractions;

namespace NetworkSync.App.Tests.Api;

/// <summary>The network overview on the generated demo mailbox (its own copy: one test changes the waiting setting).</summary>
public sealed class NetworkOverviewTests(DemoMailboxFixture fixture, ITestOutputHelper output) : IClassFixture<DemoMailboxFixture>
{
    private Task<NetworkOverview> OverviewAsync() => fixture.Services.Overview.GetAsync(fixture.Mailbox, CancellationToken.None);

    private async Task<IReadOnlyList<ContactSummary>> PeopleAsync()
    {
        var index = await fixture.Services.Indexes.GetAsync(fixture.Mailbox, DemoMailboxFixture.AsOf, CancellationToken.None);
        return index.Scored.Contacts.Where(c => c.InDefaultListing && !Application.Context.PersonIndex.AddressesOf(c).Any(index.Muted.Contains)).ToList();
    }

    [Fact]
    public async Task The_months_end_with_the_current_one_and_its_tiers_are_todays_scores()
    {
        var overview = await OverviewAsync();
        var again = Stopwatch.StartNew();
        var second = await OverviewAsync();
        output.WriteLine($"overview from the kept snapshot in {again.Elapsed.TotalMilliseconds:F1} ms");

        // What a new scoring costs the overview: the snapshot built afresh from the same index.
        var index = await fixture.Services.Indexes.GetAsync(fixture.Mailbox, DemoMailboxFixture.AsOf, CancellationToken.None);
        var build = Stopwatch.StartNew();
        var rebuilt = NetworkOverviewService.Build(index, fixture.Services.Scorer.OptionsFor(index.Scored.Activity));
        output.WriteLine($"snapshot of {index.Scored.Contacts.Count} scored contacts built in {build.ElapsedMilliseconds} ms");
        Assert.Equal(overview.Months, rebuilt.Months);

        Assert.Same(overview.Months, second.Months); // kept with the scoring
        Assert.Equal(24, overview.Months.Count);
        Assert.Equal("2026-11", overview.Months[^1].Month);
        Assert.Equal("2024-12", overview.Months[0].Month);
        var people = await PeopleAsync();
        var now = overview.Months[^1];
        Assert.Equal(people.Count(p => p.Tier == "hot"), now.Hot);
        Assert.Equal(people.Count(p => p.Tier == "warm"), now.Warm);
        Assert.Equal(people.Count(p => p.Tier == "cool"), now.Cool);
        Assert.True(overview.Months.Sum(m => m.Gained) > 0, "the demo's two years gain ties");
        Assert.True(overview.Months.Sum(m => m.Lost) > 0, "and lose some");

        // Every tie held at the end was gained in the window or held before it, and none is lost twice in a row.
        Assert.True(overview.Months.Sum(m => m.Gained) - overview.Months.Sum(m => m.Lost) <= now.Hot + now.Warm + now.Cool);
    }

    [Fact]
    public async Task Organisations_leave_out_the_users_domain_and_consumer_domains_and_name_the_warmest_contact()
    {
        var overview = await OverviewAsync();
        var people = await PeopleAsync();
        var own = ConsumerDomains.DomainOf(fixture.Mailbox.Mail.ToLowerInvariant());

        Assert.NotEmpty(overview.Organisations);
        Assert.Contains(overview.Organisations, o => o.HangsOnOneTie);
        foreach (var org in overview.Organisations)
        {
            Assert.NotEqual(own, org.Domain);
            Assert.False(ConsumerDomains.Contains(org.Domain), org.Domain);
            var there = people.Where(p => ConsumerDomains.DomainOf(p.Address) == org.Domain).ToList();
            Assert.Equal(there.Max(p => Math.Round(p.Warmth, 1)), org.Warmest.Warmth);
            Assert.Equal(there.Count(p => p.Warmth >= WarmthTiers.Warm), org.WarmTies);
            Assert.Equal(org.WarmTies == 1, org.HangsOnOneTie);
        }

        Assert.Equal(overview.Organisations.OrderByDescending(o => o.Warmest.Warmth).Select(o => o.Domain), overview.Organisations.Select(o => o.Domain));
    }

    [Fact]
    public async Task Weak_ties_are_two_way_below_warm_and_recent()
    {
        var overview = await OverviewAsync();
        var people = (await PeopleAsync()).ToDictionary(p => p.Address);

        Assert.NotEmpty(overview.WeakTies);
        foreach (var tie in overview.WeakTies)
        {
            var person = people[tie.Address];
            Assert.True(person.Warmth < WarmthTiers.Warm);
            Assert.NotNull(person.LastInbound);
            Assert.NotNull(person.LastOutbound);
            Assert.True(DemoMailboxFixture.AsOf - person.LastContact!.Value <= WeakTies.RecentWithin);
        }
    }

    [Fact]
    public async Task Waiting_on_them_follows_the_users_setting_and_never_lists_automated_senders()
    {
        var index = await fixture.Services.Indexes.GetAsync(fixture.Mailbox, DemoMailboxFixture.AsOf, CancellationToken.None);
        var automated = index.Scored.Contacts.Where(c => c.Automated).Select(c => c.Address).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(automated);
        try
        {
            var byDays = new Dictionary<int, NetworkOverview>();
            foreach (var days in new[] { 1, 7, 30 })
            {
                await fixture.Services.Settings.UpdateAsync(fixture.Mailbox, new SettingsUpdate { WaitingDays = days }, CancellationToken.None);
                var overview = await OverviewAsync();
                Assert.Equal(days, overview.WaitingDays);
                Assert.All(overview.WaitingOnThem, w => Assert.True(DemoMailboxFixture.AsOf - w.Since!.Value >= TimeSpan.FromDays(days)));
                Assert.All(overview.WaitingOnThem, w => Assert.DoesNotContain(w.Address, automated));
                byDays[days] = overview;
            }

            Assert.NotEmpty(byDays[1].WaitingOnThem);
            Assert.True(byDays[1].WaitingOnThem.Count > byDays[30].WaitingOnThem.Count, "a longer wait lists fewer people");
            Assert.Subset(byDays[1].WaitingOnThem.Select(w => w.Address).ToHashSet(), byDays[7].WaitingOnThem.Select(w => w.Address).ToHashSet());
        }
        finally
        {
            await fixture.Services.Settings.UpdateAsync(fixture.Mailbox, new SettingsUpdate { WaitingDays = AwaitingReply.DefaultDays }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task You_owe_a_reply_is_the_person_contexts_flag()
    {
        var overview = await OverviewAsync();

        Assert.NotEmpty(overview.OwesReply);
        foreach (var person in overview.OwesReply)
        {
            var context = await fixture.Services.Contexts.GetAsync(fixture.Mailbox, person.Address, CancellationToken.None);
            Assert.True(context!.Flags.OwesReply, person.Address);
        }
    }
}
