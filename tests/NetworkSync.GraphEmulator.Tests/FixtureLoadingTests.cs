using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class FixtureLoadingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Malformed_records_are_reported_and_skipped_while_the_rest_loads()
    {
        using var fixture = new TestFixtureFolder().Users(TestFixtureFolder.User("u1", "alice@contoso.test"));
        var badDate = TestFixtureFolder.Message("m-bad-date");
        badDate["sentDateTime"] = "not a date";
        var noId = TestFixtureFolder.Message("x");
        noId.Remove("id");
        fixture.Messages("u1", "inbox", TestFixtureFolder.Message("m1"), JsonValue.Create(42), noId, badDate, TestFixtureFolder.Message("m2"));

        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });

        Assert.Equal(2, session.Emulator.Tenant.MessageCount("u1", "inbox"));
        var problems = session.Emulator.LoadProblems;
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal("users/u1/mailFolders/inbox/messages.json", p.File));
        Assert.Equal([1, 2, 3], problems.Select(p => p.Index));
        Assert.Contains("not a JSON object", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("id", problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("sentDateTime", problems[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_properties_are_kept_and_served_when_selected()
    {
        var message = TestFixtureFolder.Message("m1");
        message["x-custom"] = new JsonObject { ["deep"] = true };
        using var fixture = new TestFixtureFolder().Users(TestFixtureFolder.User("u1", "alice@contoso.test")).Messages("u1", "inbox", message);
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });

        var (_, body) = await session.GetAsync("v1.0/users/u1/mailFolders/inbox/messages/delta?$select=subject,x-custom");

        var item = body!["value"]![0]!.AsObject();
        Assert.True(item["x-custom"]!["deep"]!.GetValue<bool>());
        Assert.Equal("hello", item["subject"]!.GetValue<string>());
        Assert.Null(item["sentDateTime"]);
    }

    [Fact]
    public async Task A_truncated_file_keeps_the_records_before_the_break()
    {
        using var fixture = new TestFixtureFolder().Users(TestFixtureFolder.User("u1", "alice@contoso.test"))
            .Raw("users/u1/mailFolders/inbox/messages.json", "{\"value\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":");
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });

        Assert.Equal(2, session.Emulator.Tenant.MessageCount("u1", "inbox"));
        Assert.Single(session.Emulator.LoadProblems);
    }

    [Fact]
    public async Task Fifty_thousand_messages_load_and_sync_in_exactly_fifty_pages_of_a_thousand()
    {
        using var fixture = new TestFixtureFolder().Users(TestFixtureFolder.User("u1", "alice@contoso.test"));
        var builder = new StringBuilder("{\"value\":[");
        for (var i = 0; i < 50_000; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(TestFixtureFolder.Message($"msg-{i:D6}", $"subject {i}", i % 60).ToJsonString());
        }

        fixture.Raw("users/u1/mailFolders/inbox/messages.json", builder.Append("]}").ToString());

        var load = Stopwatch.StartNew();
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });
        load.Stop();
        Assert.Equal(50_000, session.Emulator.Tenant.MessageCount("u1", "inbox"));
        // Speed is measured by the benchmark (docs/benchmarks.md), never asserted here: CI cores are shared.

        var sync = Stopwatch.StartNew();
        var (items, _, requests) = await session.SyncRoundAsync(
            "v1.0/users/u1/mailFolders/inbox/messages/delta?$select=subject,from,toRecipients,receivedDateTime", "odata.maxpagesize=1000");
        sync.Stop();
        output.WriteLine($"load {load.Elapsed.TotalMilliseconds:0} ms; full sync {sync.Elapsed.TotalMilliseconds:0} ms = {50_000 / sync.Elapsed.TotalSeconds:0} msg/s (in-process, JsonNode parsing client); server time per page avg {session.Emulator.Requests.Snapshot().Where(e => e.Endpoint == EndpointKind.MessagesDelta).Average(e => e.Duration.TotalMilliseconds):0.0} ms");
        Assert.Equal(50_000, items.Count);
        Assert.Equal(50, requests);
    }
}
