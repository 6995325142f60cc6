using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkSync.Application;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.Settings;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Organisation.OrganisationNetwork;

namespace NetworkSync.App.Tests.Organisation;

/// <summary>The administrator's switch turns every suggestion off, whatever the users chose.</summary>
public sealed class OrganisationSwitchedOffTests(SwitchedOffOrganisationHost host) : IClassFixture<SwitchedOffOrganisationHost>
{
    [Fact]
    public async Task With_the_switch_off_no_colleague_is_suggested_even_one_who_opted_in()
    {
        using (var consent = await host.SendAsync(BoId, HttpMethod.Put, "/api/settings", new { suggestAsIntroducer = true }))
        {
            Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
            using var settings = JsonDocument.Parse(await consent.Content.ReadAsStringAsync());
            Assert.True(settings.RootElement.GetProperty("suggestAsIntroducer").GetBoolean());
            Assert.False(settings.RootElement.GetProperty("organisationIntroductions").GetBoolean());
        }

        using var route = await host.SendAsync(OrganisationNetwork.DanaId, HttpMethod.Get, $"/api/contacts/{Uri.EscapeDataString(Tess)}/intros/organisation");
        Assert.Equal("[]", await route.Content.ReadAsStringAsync());
        using var context = await host.SendAsync(OrganisationNetwork.DanaId, HttpMethod.Get, $"/api/context/{Uri.EscapeDataString(Tess)}");
        using var tess = JsonDocument.Parse(await context.Content.ReadAsStringAsync());
        Assert.Equal(0, tess.RootElement.GetProperty("organisation").GetArrayLength());
    }

    [Fact]
    public void The_switch_is_read_from_configuration_and_a_bad_limit_stops_start_up()
    {
        using var off = Core(new() { ["Introductions:Organisation:Enabled"] = "false" });
        Assert.False(off.GetRequiredService<OrganisationIntroductionOptions>().Enabled);
        using var defaults = Core([]);
        Assert.True(defaults.GetRequiredService<OrganisationIntroductionOptions>().Enabled);

        using var bad = Core(new() { ["Introductions:Organisation:MaxResults"] = "0" });
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<OrganisationIntroductionOptions>>().Value);
        Assert.Contains("Introductions:Organisation:MaxResults", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Core(Dictionary<string, string?> values) =>
        new ServiceCollection().AddNetworkSyncCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();
}

/// <summary>
/// Local mode: the caller is the one person running NetworkSync ("Local:Mailbox", Dana). Her settings are hers:
/// changing them never gives a colleague's consent, and a colleague appears only on their own.
/// </summary>
public sealed class OrganisationLocalModeTests(LocalOrganisationHost host) : IClassFixture<LocalOrganisationHost>
{
    [Fact]
    public async Task The_local_caller_sees_a_colleague_only_on_the_colleagues_own_consent()
    {
        var route = $"/api/contacts/{Uri.EscapeDataString(Tess)}/intros/organisation";

        // Dana's own yes, sent without any user (local mode), is stored for Dana alone.
        using (var saved = await host.SendAsync(null, HttpMethod.Put, "/api/settings", new { suggestAsIntroducer = true }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var store = host.Services.GetRequiredService<MailboxSettingsStore>();
        Assert.Equal([OrganisationNetwork.DanaId], await store.ListSuggestableIntroducersAsync(CancellationToken.None));
        Assert.Equal("[]", await (await host.SendAsync(null, HttpMethod.Get, route)).Content.ReadAsStringAsync());

        // Bo agrees in his own session (his settings, through the same service the API uses).
        var bo = (await new MailboxStore(host.Services.GetRequiredService<NetworkSyncDatabase>()).FindMailboxAsync(BoId, CancellationToken.None))!;
        await host.Services.GetRequiredService<UserSettingsService>().UpdateAsync(bo, new SettingsUpdate { SuggestAsIntroducer = true }, CancellationToken.None);

        var answer = await (await host.SendAsync(null, HttpMethod.Get, route)).Content.ReadAsStringAsync();
        Assert.Equal("""[{"displayName":"Bo Berg","tier":"hot"}]""", answer);
        OrganisationIntroductionPrivacyTests.AssertCarriesNothingOfTheColleagues(answer);
    }
}
