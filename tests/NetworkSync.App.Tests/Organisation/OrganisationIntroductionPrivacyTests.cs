using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkSync.Application.Contacts;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using static NetworkSync.App.Tests.Organisation.OrganisationNetwork;

namespace NetworkSync.App.Tests.Organisation;

/// <summary>
/// What Dana can and cannot learn about her colleagues through "someone in your organisation knows them", in
/// Entra mode (each request is one signed-in user; consent is given by the colleague through their own
/// settings). Each test sets the consent it needs first: the fixture is shared.
/// </summary>
public sealed class OrganisationIntroductionPrivacyTests(EntraOrganisationHost host) : IClassFixture<EntraOrganisationHost>
{
    private static readonly string OrganisationRoute = $"/api/contacts/{Uri.EscapeDataString(Tess)}/intros/organisation";
    private static readonly string ContextRoute = $"/api/context/{Uri.EscapeDataString(Tess)}";

    [Fact]
    public async Task A_colleague_who_opted_in_is_named_with_their_tier_and_nothing_else()
    {
        await ConsentAsync(BoId, true);
        await ConsentAsync(CyId, true);

        var raw = await TextAsync(DanaId, OrganisationRoute);

        // Exactly name and tier: Bo's sixteen messages in four threads since March make him hot with Tess; Cy has one thread.
        using (var answer = JsonDocument.Parse(raw))
        {
            Assert.Equal(["Bo Berg", "Cy Cole"], answer.RootElement.EnumerateArray().Select(c => c.GetProperty("displayName").GetString()));
            Assert.Equal("hot", answer.RootElement[0].GetProperty("tier").GetString());
        }

        AssertCarriesNothingOfTheColleagues(raw);

        // Beside the email: Tess is a stranger to Dana with no warm path of her own, so the pane names them.
        var context = await TextAsync(DanaId, ContextRoute);
        using (var tess = JsonDocument.Parse(context))
        {
            Assert.False(tess.RootElement.GetProperty("known").GetBoolean());
            Assert.Equal(JsonValueKind.Null, tess.RootElement.GetProperty("warmPath").ValueKind);
            Assert.Equal(["Bo Berg", "Cy Cole"], tess.RootElement.GetProperty("organisation").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()));
        }

        AssertCarriesNothingOfTheColleagues(context);
    }

    [Fact]
    public async Task A_colleague_who_has_not_opted_in_never_appears_and_consent_is_only_ever_the_callers_own()
    {
        await ConsentAsync(BoId, false);
        await ConsentAsync(CyId, false);

        // Dana says yes for herself: that is no one's consent but hers.
        await ConsentAsync(DanaId, true);
        try
        {
            Assert.Equal("[]", await TextAsync(DanaId, OrganisationRoute));
            using (var context = JsonDocument.Parse(await TextAsync(DanaId, ContextRoute)))
            {
                Assert.Equal(0, context.RootElement.GetProperty("organisation").GetArrayLength());
            }

            using var bo = JsonDocument.Parse(await TextAsync(BoId, "/api/settings"));
            Assert.False(bo.RootElement.GetProperty("suggestAsIntroducer").GetBoolean());
            using var dana = JsonDocument.Parse(await TextAsync(DanaId, "/api/settings"));
            Assert.True(dana.RootElement.GetProperty("suggestAsIntroducer").GetBoolean());
            Assert.True(dana.RootElement.GetProperty("organisationIntroductions").GetBoolean());

            // Nor can a request name whose answer it wants: the caller is the token's user, always.
            Assert.Equal("[]", await TextAsync(DanaId, OrganisationRoute + "?mailbox=" + BoId));
        }
        finally
        {
            await ConsentAsync(DanaId, false);
        }
    }

    [Fact]
    public async Task Opting_out_takes_the_colleague_out_of_every_answer_at_once_kept_ones_included()
    {
        await ConsentAsync(CyId, false);
        await ConsentAsync(BoId, true);

        // Asked twice, so the second answer comes from what the service keeps (views, composed contexts, bytes).
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("Bo Berg", await TextAsync(DanaId, ContextRoute), StringComparison.Ordinal);
            Assert.Contains("Bo Berg", await TextAsync(DanaId, OrganisationRoute), StringComparison.Ordinal);
            Assert.Contains("Bo Berg", await BatchAsync(DanaId), StringComparison.Ordinal);
        }

        await ConsentAsync(BoId, false);

        Assert.DoesNotContain("Bo Berg", await TextAsync(DanaId, ContextRoute), StringComparison.Ordinal);
        Assert.Equal("[]", await TextAsync(DanaId, OrganisationRoute));
        Assert.DoesNotContain("Bo Berg", await BatchAsync(DanaId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_muted_by_the_caller_or_muted_or_forgotten_by_the_colleague_is_never_suggested()
    {
        await ConsentAsync(CyId, false);
        await ConsentAsync(BoId, true);
        Assert.Contains("Bo Berg", await TextAsync(DanaId, OrganisationRoute), StringComparison.Ordinal);

        // Dana muted Tess: no introduction to her from anyone.
        await SendOkAsync(DanaId, HttpMethod.Put, $"/api/contacts/{Uri.EscapeDataString(Tess)}/muted", HttpStatusCode.NoContent);
        Assert.Equal("[]", await TextAsync(DanaId, OrganisationRoute));
        using (var context = JsonDocument.Parse(await TextAsync(DanaId, ContextRoute)))
        {
            Assert.Equal(0, context.RootElement.GetProperty("organisation").GetArrayLength());
        }

        await SendOkAsync(DanaId, HttpMethod.Delete, $"/api/contacts/{Uri.EscapeDataString(Tess)}/muted", HttpStatusCode.NoContent);

        // Bo muted Tess: his mailbox no longer offers her.
        await SendOkAsync(BoId, HttpMethod.Put, $"/api/contacts/{Uri.EscapeDataString(Tess)}/muted", HttpStatusCode.NoContent);
        Assert.Equal("[]", await TextAsync(DanaId, OrganisationRoute));
        await SendOkAsync(BoId, HttpMethod.Delete, $"/api/contacts/{Uri.EscapeDataString(Tess)}/muted", HttpStatusCode.NoContent);
        Assert.Contains("Bo Berg", await TextAsync(DanaId, OrganisationRoute), StringComparison.Ordinal);

        // Bo's forgotten list holds Tess (as forgetting records it, before the rows are rewritten): gone too.
        var database = host.Services.GetRequiredService<NetworkSyncDatabase>();
        await new ContactOverrideStore(database).SetAsync(new ContactOverrideRow { MailboxId = BoId, Address = Tess, Kind = ForgottenAddresses.OverrideKind }, CancellationToken.None);
        host.Services.GetRequiredService<ContactScoreCache>().Invalidate(BoId);
        try
        {
            Assert.Equal("[]", await TextAsync(DanaId, OrganisationRoute));
        }
        finally
        {
            await new ContactOverrideStore(database).RemoveAsync(BoId, Tess, ForgottenAddresses.OverrideKind, string.Empty, CancellationToken.None);
            host.Services.GetRequiredService<ContactScoreCache>().Invalidate(BoId);
        }
    }

    [Fact]
    public async Task Bad_input_answers_400_and_an_unknown_address_an_empty_list()
    {
        await ConsentAsync(BoId, true);
        var bad = await host.SendAsync(DanaId, HttpMethod.Get, "/api/contacts/not-an-address/intros/organisation");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("[]", await TextAsync(DanaId, "/api/contacts/nobody%40nowhere.example/intros/organisation"));

        // Asking about Bo's own address names no one (he is not his own contact), nor does asking about Dana's.
        Assert.Equal("[]", await TextAsync(DanaId, $"/api/contacts/{Uri.EscapeDataString(Bo)}/intros/organisation"));
        Assert.Equal("[]", await TextAsync(BoId, $"/api/contacts/{Uri.EscapeDataString(FollowUps.FollowUpMailbox.Dana)}/intros/organisation"));

        // A caller whose mailbox is not synced learns nothing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.SendAsync("u-stranger", HttpMethod.Get, OrganisationRoute)).StatusCode);
    }

    /// <summary>
    /// Neither Bo's nor Cy's subjects, message or thread ids, dates, addresses, nor Tess's name as they know it,
    /// anywhere in <paramref name="raw"/>; and when it is an organisation list, nothing but a name and a tier per colleague.
    /// </summary>
    internal static void AssertCarriesNothingOfTheColleagues(string raw)
    {
        foreach (var secret in new[] { SecretSubject, MessageIdPrefix, "bo-tess", "cy-tess", Bo, Cy, BoId, CyId, TessName, "2026-03", "2026-04", "2026-05", "2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }

        using var document = JsonDocument.Parse(raw);
        var colleagues = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("organisation");
        Assert.All(colleagues.EnumerateArray(), c =>
        {
            Assert.Equal(["displayName", "tier"], c.EnumerateObject().Select(p => p.Name));
            Assert.Contains(c.GetProperty("tier").GetString(), (string[])["hot", "warm", "cool"]);
        });
    }

    private async Task ConsentAsync(string oid, bool suggest) =>
        await SendOkAsync(oid, HttpMethod.Put, "/api/settings", HttpStatusCode.OK, new { suggestAsIntroducer = suggest });

    private async Task SendOkAsync(string oid, HttpMethod method, string path, HttpStatusCode expected, object? body = null)
    {
        using var response = await host.SendAsync(oid, method, path, body);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<string> TextAsync(string oid, string path)
    {
        using var response = await host.SendAsync(oid, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> BatchAsync(string oid)
    {
        using var response = await host.SendAsync(oid, HttpMethod.Post, "/api/context/batch", new { addresses = new[] { Tess, Api.HandBuiltNetwork.Ana } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
