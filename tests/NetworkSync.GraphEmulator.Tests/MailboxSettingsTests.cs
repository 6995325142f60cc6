using System.Net;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class MailboxSettingsTests
{
    private const string PacificSettings = """
        {
          "timeZone": "Pacific Standard Time",
          "language": { "locale": "en-US", "displayName": "English (United States)" },
          "workingHours": {
            "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "startTime": "09:00:00.0000000",
            "endTime": "17:30:00.0000000",
            "timeZone": { "name": "Pacific Standard Time" }
          }
        }
        """;

    [Fact]
    public async Task Settings_come_from_the_fixture_file_and_select_picks_properties()
    {
        using var fixture = new TestFixtureFolder()
            .Users(TestFixtureFolder.User("u1", "alice@contoso.test"), TestFixtureFolder.User("u2", "bob@contoso.test"))
            .Raw("users/u1/mailboxSettings.json", PacificSettings);
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });

        var (response, all) = await session.GetAsync("v1.0/users/alice@contoso.test/mailboxSettings");
        var (_, selected) = await session.GetAsync("v1.0/users/u1/mailboxSettings?$select=timeZone,workingHours");

        Assert.Empty(session.Emulator.LoadProblems);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Pacific Standard Time", all!["timeZone"]!.GetValue<string>());
        Assert.Equal("en-US", all["language"]!["locale"]!.GetValue<string>());
        Assert.EndsWith("$metadata#users('u1')/mailboxSettings", all["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["@odata.context", "timeZone", "workingHours"], selected!.Select(p => p.Key));
        var hours = selected!["workingHours"]!;
        Assert.Equal("09:00:00.0000000", hours["startTime"]!.GetValue<string>());
        Assert.Equal("17:30:00.0000000", hours["endTime"]!.GetValue<string>());
        Assert.Equal("Pacific Standard Time", hours["timeZone"]!["name"]!.GetValue<string>());
        Assert.Equal(5, hours["daysOfWeek"]!.AsArray().Count);

        var (_, bob) = await session.GetAsync("v1.0/users/u2/mailboxSettings");
        Assert.Equal("UTC", bob!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_settings_a_mailbox_answers_UTC_and_weekday_office_hours()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));

        var (response, settings) = await session.GetAsync("v1.0/users/u1/mailboxSettings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("UTC", settings!["timeZone"]!.GetValue<string>());
        var hours = settings["workingHours"]!;
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday"], hours["daysOfWeek"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("08:00:00.0000000", hours["startTime"]!.GetValue<string>());
        Assert.Equal("17:00:00.0000000", hours["endTime"]!.GetValue<string>());
        Assert.Equal("UTC", hours["timeZone"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Settings_can_be_changed_in_process_and_me_needs_a_delegated_token()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        var tenant = session.Emulator.Tenant;
        tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));

        tenant.SetMailboxSettings("alice@contoso.test", JsonNode.Parse(PacificSettings)!.AsObject());
        var (_, settings) = await session.GetAsync("v1.0/users/u1/mailboxSettings?$select=timeZone");
        var (appOnlyMe, _) = await session.GetAsync("v1.0/me/mailboxSettings");
        var (post, _) = await session.SendAsync(HttpMethod.Post, "v1.0/users/u1/mailboxSettings", new JsonObject { ["timeZone"] = "UTC" });

        Assert.Equal("Pacific Standard Time", settings!["timeZone"]!.GetValue<string>());
        Assert.Null(settings["workingHours"]);
        Assert.Equal(HttpStatusCode.BadRequest, appOnlyMe.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("Pacific Standard Time", tenant.GetMailboxSettings("u1")["timeZone"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => tenant.SetMailboxSettings("u1", new JsonObject { ["workingHours"] = new JsonObject { ["daysOfWeek"] = new JsonArray("someday") } }));

        var delegated = await EmulatorSession.RequestTokenAsync(session.Http, session.Emulator, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "c",
            ["username"] = "alice@contoso.test",
            ["password"] = "x",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/me/mailboxSettings");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", delegated);
        using var me = await session.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("Pacific Standard Time", JsonNode.Parse(await me.Content.ReadAsStringAsync())!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_settings_file_is_reported_and_the_defaults_are_served()
    {
        using var fixture = new TestFixtureFolder()
            .Users(TestFixtureFolder.User("u1", "alice@contoso.test"))
            .Raw("users/u1/mailboxSettings.json", """{"timeZone": 42}""");
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });

        var problem = Assert.Single(session.Emulator.LoadProblems);
        Assert.Equal(("users/u1/mailboxSettings.json", -1), (problem.File, problem.Index));
        Assert.Contains("timeZone", problem.Reason, StringComparison.Ordinal);
        var (_, settings) = await session.GetAsync("v1.0/users/u1/mailboxSettings");
        Assert.Equal("UTC", settings!["timeZone"]!.GetValue<string>());
    }
}
