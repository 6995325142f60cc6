using System.Globalization;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using NetworkSync.Domain.Time;
using NetworkSync.Sync.Engine;
using NetworkSync.Sync.Http;
using GraphTaskStatus = Microsoft.Graph.Models.TaskStatus;

namespace NetworkSync.Sync.Todo;

/// <summary>
/// Microsoft To Do through the real Graph client: the task list, delta reads of its tasks, and task
/// writes. Creates are never retried blindly (see RetryAfterHandler); the caller reconciles a create
/// whose answer was lost through the next delta read, by the task's external id.
/// </summary>
public sealed class TodoClient(GraphConnection connection, TimeProvider time)
{
    public const string ApplicationName = "NetworkSync";

    private GraphServiceClient Client => connection.Client;

    /// <summary>The id of the user's list called <paramref name="displayName"/>, or null.</summary>
    public async Task<string?> FindListAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        var page = await Client.Users[mailboxId].Todo.Lists.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            var match = page.Value?.FirstOrDefault(l => string.Equals(l.DisplayName, displayName, StringComparison.Ordinal));
            if (match?.Id is not null)
            {
                return match.Id;
            }

            if (page.OdataNextLink is not { } next)
            {
                return null;
            }

            EnsureGraphHost(next);
            page = await Client.Users[mailboxId].Todo.Lists.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public async Task<string> CreateListAsync(string mailboxId, string displayName, CancellationToken cancellationToken)
    {
        var list = await Client.Users[mailboxId].Todo.Lists.PostAsync(new TodoTaskList { DisplayName = displayName }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return list?.Id ?? throw new InvalidDataException("Graph created a task list without an id.");
    }

    /// <summary>
    /// Reads what changed in the list since <paramref name="deltaLink"/> (everything when null, or
    /// when Graph no longer knows the token). Throws <see cref="TodoListMissingException"/> when the list is gone.
    /// </summary>
    public async Task<TodoChanges> ReadChangesAsync(string mailboxId, string listId, string? deltaLink, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAllPagesAsync(mailboxId, listId, deltaLink, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (deltaLink is not null && DeltaStateErrors.MeansResync(ex))
        {
            var fresh = await ReadAllPagesAsync(mailboxId, listId, null, cancellationToken).ConfigureAwait(false);
            return fresh with { StartedOver = true, Requests = fresh.Requests + 1 };
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == 404)
        {
            throw new TodoListMissingException($"The To Do list {listId} no longer exists.", ex);
        }
    }

    public async Task<string> CreateTaskAsync(string mailboxId, string listId, TodoTaskContent content, CancellationToken cancellationToken)
    {
        var task = ToTask(content);
        task.LinkedResources =
        [
            new LinkedResource { ApplicationName = ApplicationName, ExternalId = content.ExternalId, DisplayName = content.LinkDisplayName ?? content.Title, WebUrl = content.WebUrl },
        ];
        try
        {
            var created = await Client.Users[mailboxId].Todo.Lists[listId].Tasks.PostAsync(task, cancellationToken: cancellationToken).ConfigureAwait(false);
            return created?.Id ?? throw new InvalidDataException("Graph created a task without an id.");
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            throw new TodoListMissingException($"The To Do list {listId} no longer exists.", ex);
        }
    }

    /// <summary>Brings a task up to date; false when the task no longer exists.</summary>
    public async Task<bool> UpdateTaskAsync(string mailboxId, string listId, string taskId, TodoTaskContent content, CancellationToken cancellationToken)
    {
        try
        {
            await Client.Users[mailboxId].Todo.Lists[listId].Tasks[taskId].PatchAsync(ToTask(content), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Deletes a task; one already gone counts as deleted.</summary>
    public async Task DeleteTaskAsync(string mailboxId, string listId, string taskId, CancellationToken cancellationToken)
    {
        try
        {
            await Client.Users[mailboxId].Todo.Lists[listId].Tasks[taskId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            // Already gone: the outcome we wanted.
        }
    }

    private async Task<TodoChanges> ReadAllPagesAsync(string mailboxId, string listId, string? deltaLink, CancellationToken cancellationToken)
    {
        var tasks = Client.Users[mailboxId].Todo.Lists[listId].Tasks;
        Func<RequestInformation> request = deltaLink is null
            ? () => tasks.Delta.ToGetRequestInformation(config => config.QueryParameters.Expand = ["linkedResources"])
            : LinkRequest(tasks, deltaLink);
        var changes = new List<TodoTaskChange>();
        var requests = 0;
        while (true)
        {
            using var page = await DeltaPageFetcher.FetchAsync(Client.RequestAdapter, request, time, cancellationToken).ConfigureAwait(false);
            requests++;
            foreach (var item in page.Items)
            {
                if (Read(item) is { } change)
                {
                    changes.Add(change);
                }
            }

            if (page.NextLink is { } next)
            {
                request = LinkRequest(tasks, next);
                continue;
            }

            return new TodoChanges(changes, page.DeltaLink ?? throw new InvalidDataException("A To Do delta round ended without a deltaLink."), false, requests);
        }
    }

    private Func<RequestInformation> LinkRequest(Microsoft.Graph.Users.Item.Todo.Lists.Item.Tasks.TasksRequestBuilder tasks, string link)
    {
        EnsureGraphHost(link);
        return () => tasks.Delta.WithUrl(link).ToGetRequestInformation();
    }

    private void EnsureGraphHost(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !GraphHostGuardHandler.IsSameAuthority(uri, connection.BaseUrl))
        {
            throw new ForeignHostException($"Graph returned a To Do link to {(uri is null ? "an unreadable address" : uri.GetLeftPart(UriPartial.Authority))}, not to {connection.BaseUrl.GetLeftPart(UriPartial.Authority)}; refusing to send the token there.");
        }
    }

    private static TodoTaskChange? Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var taskId = id.GetString()!;
        if (item.TryGetProperty("@removed", out _))
        {
            return new TodoTaskChange(taskId, true, false, null);
        }

        var completed = item.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "completed";
        string? externalId = null;
        if (item.TryGetProperty("linkedResources", out var links) && links.ValueKind == JsonValueKind.Array)
        {
            foreach (var link in links.EnumerateArray())
            {
                if (link.TryGetProperty("applicationName", out var app) && app.ValueKind == JsonValueKind.String && app.GetString() == ApplicationName
                    && link.TryGetProperty("externalId", out var external) && external.ValueKind == JsonValueKind.String)
                {
                    externalId = external.GetString();
                }
            }
        }

        return new TodoTaskChange(taskId, false, completed, externalId);
    }

    private static TodoTask ToTask(TodoTaskContent content) => new()
    {
        Title = content.Title,
        Status = content.Completed ? GraphTaskStatus.Completed : GraphTaskStatus.NotStarted,
        DueDateTime = InZone(content.Due, content.TimeZone),
        ReminderDateTime = content.Reminder is { } reminder ? InZone(reminder, content.TimeZone) : null,
        IsReminderOn = content.Reminder is not null && !content.Completed,
    };

    /// <summary>To Do shows due dates in the zone they are written in, so write them in the user's.</summary>
    private static DateTimeTimeZone InZone(DateTimeOffset instant, string timeZone)
    {
        var zone = DateTimeTimeZoneConverter.Find(timeZone);
        var local = zone is null ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return new DateTimeTimeZone
        {
            DateTime = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            TimeZone = zone is null ? "UTC" : timeZone,
        };
    }
}
