using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Api;
using NetworkSync.App.Jobs;
using NetworkSync.App.Tests.Api;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Privacy;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Privacy;

/// <summary>
/// The privacy endpoints over real HTTP on the hand-built network, registered exactly by
/// <see cref="PrivacyApi.AddPrivacyApi"/> and <see cref="PrivacyApi.MapPrivacyApi"/> beside the network API.
/// </summary>
public sealed class PrivacyApiHttpTests
{
    private static readonly string[] MessageFields = ["id", "folder", "sentAt", "receivedAt", "from", "recipients", "subject", "conversationId"];
    private static readonly string[] EventFields = ["id", "start", "end", "subject", "organizer", "attendees"];

    [Fact]
    public async Task Export_forget_and_delete_answer_as_documented()
    {
        await using var harness = await PrivacyHarness.StartAsync();
        var jobs = new RecordingRecurringJobs();
        await using var app = await StartAsync(harness.Mailbox, jobs);
        using var http = Client(app);

        // The retention job is scheduled at start, and the endpoints are in the OpenAPI document.
        Assert.True(jobs.Jobs.ContainsKey(RetentionJob.JobId));
        Assert.Equal("30 3 * * *", jobs.Jobs[RetentionJob.JobId].Cron);
        var openApi = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("\"ForgetContact\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"DeleteMyData\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"ExportMyData\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"ResumeMySync\"", openApi, StringComparison.Ordinal);

        // Export: every section, only metadata, valid JSON, as an attachment.
        using (var export = await http.GetAsync(new Uri("/api/me/export", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
            using var document = JsonDocument.Parse(await export.Content.ReadAsStreamAsync());
            var root = document.RootElement;
            Assert.Equal(
                ["exportedAt", "mailbox", "settings", "overrides", "followUps", "contacts", "messages", "events"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(FollowUpMailbox.Dana, root.GetProperty("mailbox").GetProperty("mail").GetString());
            var counts = await new MetadataReader(harness.Database).CountAsync(FollowUpMailbox.UserId, CancellationToken.None);
            Assert.Equal(counts.Messages, root.GetProperty("messages").GetArrayLength());
            Assert.Equal(counts.Events, root.GetProperty("events").GetArrayLength());
            Assert.All(root.GetProperty("messages").EnumerateArray(), m => Assert.Equal(MessageFields, m.EnumerateObject().Select(p => p.Name)));
            Assert.All(root.GetProperty("events").EnumerateArray(), e => Assert.Equal(EventFields, e.EnumerateObject().Select(p => p.Name)));
            Assert.DoesNotContain(PropertyNames(root), n => n.Contains("body", StringComparison.OrdinalIgnoreCase) || n.Contains("preview", StringComparison.OrdinalIgnoreCase));
            var ana = Assert.Single(root.GetProperty("messages").EnumerateArray(), m => m.GetProperty("id").GetString() == "ana-3-1");
            Assert.Equal(Ana, ana.GetProperty("from").GetProperty("address").GetString());
            Assert.Equal("Re: Re: proposal", ana.GetProperty("subject").GetString());
            Assert.Contains(root.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("address").GetString() == Ben);
        }

        // Forget: 400 for a malformed or own address (Problem Details), 204 otherwise.
        await AssertProblemAsync(http, "/api/contacts/not-an-address");
        await AssertProblemAsync(http, "/api/contacts/dana%40contoso.example");
        using (var forget = await http.DeleteAsync(new Uri("/api/contacts/" + Uri.EscapeDataString(Ben), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, forget.StatusCode);
        }

        using (var export = await http.GetAsync(new Uri("/api/me/export", UriKind.Relative)))
        {
            var text = await export.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            Assert.DoesNotContain(document.RootElement.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("address").GetString() == Ben);
            Assert.Contains(document.RootElement.GetProperty("overrides").EnumerateArray(), o => o.GetProperty("address").GetString() == Ben && o.GetProperty("kind").GetString() == "forgotten");
            Assert.Equal(1, text.Split(Ben).Length - 1);
        }

        // Delete all my data: 204, and nothing of the mailbox is left. The caller's mailbox was just looked
        // up (and kept for a few seconds): the next call must not be answered with the deleted one.
        using (var me = await http.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using (var delete = await http.DeleteAsync(new Uri("/api/me/data", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Equal(0, harness.CountRows("Mailboxes", "Id", FollowUpMailbox.UserId));
        Assert.Equal(0, harness.CountRows("Messages", "MailboxId", FollowUpMailbox.UserId));
        Assert.Equal(0, harness.CountRows("SyncStates", "MailboxId", FollowUpMailbox.UserId));
        await AssertNoMailboxAsync(http);
        await AssertNoMailboxAsync(http, "/api/me/export");

        // A sync lists the directory (no mailbox is known) and leaves the opted-out user out.
        await harness.Mailbox.SyncMetadataAsync();
        await AssertNoMailboxAsync(http);

        // Resume: 204, the opt-out is gone, and the next sync brings the mailbox back from scratch.
        using (var resume = await http.PostAsync(new Uri("/api/me/resume-sync", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
        }

        Assert.Equal(0, harness.CountRows("OptedOutMailboxes", "UserIdHash", OptOutStore.Hash(FollowUpMailbox.UserId)));
        await harness.Mailbox.SyncMetadataAsync();
        using (var me = await http.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        Assert.True(harness.CountRows("Messages", "MailboxId", FollowUpMailbox.UserId) > 0);
    }

    private static async Task AssertNoMailboxAsync(HttpClient http, string path = "/api/me")
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_service_exports_valid_json_to_any_stream()
    {
        await using var harness = await PrivacyHarness.StartAsync();
        using var output = new MemoryStream();

        await harness.Privacy.ExportAsync(await harness.MailboxRowAsync(), output, CancellationToken.None);

        using var document = JsonDocument.Parse(output.ToArray());
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("messages").ValueKind);
    }

    private static async Task AssertProblemAsync(HttpClient http, string path)
    {
        using var response = await http.DeleteAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    private static HttpClient Client(WebApplication app)
    {
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(url) };
    }

    private static async Task<WebApplication> StartAsync(FollowUpMailbox mailbox, RecordingRecurringJobs jobs)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddApiHostServices(mailbox.Clock, mailbox.Database, new Api.RecordingJobClient());
        builder.Services.AddSingleton<IRecurringJobManager>(jobs);
        builder.Services.AddSingleton<IJobScheduler, HangfireJobScheduler>();

        // These tests leave To Do alone: the privacy service gets no Graph connection.
        builder.Services.AddSingleton(new PrivacyGraph(() => null));
        builder.Services.AddPrivacyApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapNetworkApi();
        app.MapPrivacyApi();
        await app.StartAsync();
        return app;
    }
}
