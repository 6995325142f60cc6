using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using static NetworkSync.GraphEmulator.Tests.TodoTestSession;
using GraphTaskStatus = Microsoft.Graph.Models.TaskStatus;

namespace NetworkSync.GraphEmulator.Tests;

/// <summary>The real Microsoft.Graph v6 client against the emulator: its URLs reach the right endpoints and its models read the answers.</summary>
public sealed class SdkCompatibilityTests
{
    [Fact]
    public async Task The_Graph_SDK_manages_To_Do_lists_tasks_and_delta()
    {
        await using var session = await StartAsync();
        using var http = new HttpClient();
        var client = CreateClient(session, http);
        var user = client.Users["alice@contoso.test"];

        var lists = await user.Todo.Lists.GetAsync();
        var created = await user.Todo.Lists.PostAsync(new TodoTaskList { DisplayName = "NetworkSync" });
        var listId = created!.Id!;
        var task = await user.Todo.Lists[listId].Tasks.PostAsync(new TodoTask
        {
            Title = "Reply to Sam",
            DueDateTime = new DateTimeTimeZone { DateTime = "2025-03-14T00:00:00.0000000", TimeZone = "GMT Standard Time" },
            LinkedResources = [new LinkedResource { ApplicationName = "NetworkSync", ExternalId = "contact-7", WebUrl = "https://example.test/7" }],
        });
        var first = await user.Todo.Lists[listId].Tasks.Delta.GetAsDeltaGetResponseAsync(c => c.QueryParameters.Expand = ["linkedResources"]);
        await user.Todo.Lists[listId].Tasks[task!.Id].PatchAsync(new TodoTask { Status = GraphTaskStatus.Completed });
        var second = await user.Todo.Lists[listId].Tasks.Delta.WithUrl(first!.OdataDeltaLink!).GetAsDeltaGetResponseAsync();
        var read = await user.Todo.Lists[listId].Tasks[task.Id].GetAsync(c => c.QueryParameters.Expand = ["linkedResources"]);
        await user.Todo.Lists[listId].Tasks[task.Id].DeleteAsync();
        var third = await user.Todo.Lists[listId].Tasks.Delta.WithUrl(second!.OdataDeltaLink!).GetAsDeltaGetResponseAsync();
        var missing = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => user.Todo.Lists[listId].Tasks[task.Id].GetAsync());
        var gone = await Assert.ThrowsAnyAsync<ApiException>(() =>
            user.Todo.Lists[listId].Tasks.Delta.WithUrl(new Uri(session.Emulator.BaseAddress, Tasks(listId, "alice@contoso.test") + "/delta?$deltatoken=garbled").ToString()).GetAsDeltaGetResponseAsync());

        Assert.Equal(WellknownListName.DefaultList, Assert.Single(lists!.Value!).WellknownListName);
        Assert.Equal("contact-7", Assert.Single(task.LinkedResources!).ExternalId);
        Assert.Equal(GraphTaskStatus.NotStarted, task.Status);
        Assert.Equal("contact-7", Assert.Single(Assert.Single(first.Value!).LinkedResources!).ExternalId);
        var completed = Assert.Single(second.Value!);
        Assert.Equal(GraphTaskStatus.Completed, completed.Status);
        Assert.Equal("UTC", completed.CompletedDateTime!.TimeZone);
        Assert.Single(completed.LinkedResources!);
        Assert.Equal("GMT Standard Time", read!.DueDateTime!.TimeZone);
        Assert.Equal(task.CreatedDateTime, read.CreatedDateTime);
        Assert.Equal(task.Id, Assert.Single(third!.Value!).Id);
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", missing.Error!.Code);
        Assert.Equal(410, gone.ResponseStatusCode);
    }

    [Fact]
    public async Task The_Graph_SDK_reads_mailbox_settings_with_select()
    {
        await using var session = await StartAsync();
        using var http = new HttpClient();
        var client = CreateClient(session, http);

        var settings = await client.Users["u1"].MailboxSettings.GetAsync(c => c.QueryParameters.Select = ["timeZone", "workingHours"]);

        Assert.Equal("UTC", settings!.TimeZone);
        Assert.Equal(5, settings.WorkingHours!.DaysOfWeek!.Count);
        Assert.Equal(DayOfWeekObject.Monday, settings.WorkingHours.DaysOfWeek[0]);
        Assert.Equal((8, 0), (settings.WorkingHours.StartTime!.Value.Hour, settings.WorkingHours.StartTime.Value.Minute));
        Assert.Equal((17, 0), (settings.WorkingHours.EndTime!.Value.Hour, settings.WorkingHours.EndTime.Value.Minute));
        Assert.Equal("UTC", settings.WorkingHours.TimeZone!.Name);
    }

    private static GraphServiceClient CreateClient(EmulatorSession session, HttpClient http)
    {
        var token = session.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        return new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(new FixedToken(token)), session.Emulator.GraphBaseUrl.ToString());
    }

    /// <summary>The emulator's token endpoint is plain http, which the Azure.Identity providers refuse; the test already holds a token.</summary>
    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            System.Threading.Tasks.Task.FromResult(token);
    }
}
