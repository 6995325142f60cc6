using System.Globalization;
using Microsoft.AspNetCore.Http;
using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Todo;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// The tasks of a To Do list (learn.microsoft.com/graph/api/todotasklist-list-tasks, todotasklist-post-tasks,
/// todotask-get/-update/-delete, todotask-list-linkedresources, todotask-post-linkedresources):
/// <c>tasks</c> (GET paged, POST), <c>tasks/{id}</c> (GET, PATCH, DELETE) and <c>tasks/{id}/linkedResources</c> (GET, POST).
/// </summary>
internal sealed class TodoTasksEndpoint(GraphEmulatorOptions options)
{
    public async Task<GraphResponse> HandleAsync(GraphCall call, MailboxData mailbox, TodoListData list)
    {
        var method = call.Http.Request.Method;
        var route = call.Route;
        return route.Endpoint switch
        {
            EndpointKind.TodoTasks when HttpMethods.IsPost(method) => await CreateAsync(call, mailbox, list).ConfigureAwait(false),
            EndpointKind.TodoTasks => ListPage(call, mailbox, list),
            EndpointKind.TodoTask when HttpMethods.IsPatch(method) => await UpdateAsync(call, mailbox, list, route.TodoTaskId!).ConfigureAwait(false),
            EndpointKind.TodoTask when HttpMethods.IsDelete(method) =>
                mailbox.Todo.DeleteTask(list, route.TodoTaskId!) ? GraphResponse.Empty(204) : TodoErrors.NotFound(call),
            EndpointKind.TodoTask => Get(call, mailbox, list, route.TodoTaskId!),
            EndpointKind.TodoLinkedResources when HttpMethods.IsPost(method) =>
                await AddLinkedResourceAsync(call, mailbox, list, route.TodoTaskId!).ConfigureAwait(false),
            _ => ListLinkedResources(call, mailbox, list, route.TodoTaskId!),
        };
    }

    private static string TasksContext(GraphCall call, MailboxData mailbox, TodoListData list) =>
        $"{call.Origin}/v1.0/$metadata#users('{mailbox.UserId}')/todo/lists('{list.Id}')/tasks";

    /// <summary>Pages by position ($skip), $top or Prefer: odata.maxpagesize; the nextLink repeats $select and $expand.</summary>
    private GraphResponse ListPage(GraphCall call, MailboxData mailbox, TodoListData list)
    {
        var skip = 0;
        if (call.Query("$skip") is { } skipText && !int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            return GraphErrors.Create(call, 400, "BadRequest", $"Invalid $skip value '{skipText}'.");
        }

        var tasks = list.Tasks.Items();
        var select = SelectList.Parse(call.Query("$select"));
        var expand = TodoJsonWriter.ExpandsLinkedResources(call.Query("$expand"));
        var pageSize = DeltaRequest.PageSize(call, options);
        var page = tasks.Skip(skip).Take(pageSize).ToList();
        var next = skip + page.Count;
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", TasksContext(call, mailbox, list));
            if (next < tasks.Count)
            {
                var selectPart = select is null ? string.Empty : $"$select={Uri.EscapeDataString(select.Text)}&";
                var expandPart = expand ? "$expand=linkedResources&" : string.Empty;
                writer.WriteString("@odata.nextLink",
                    $"{call.UrlWithoutQuery}?{selectPart}{expandPart}$top={pageSize.ToString(CultureInfo.InvariantCulture)}&$skip={next.ToString(CultureInfo.InvariantCulture)}");
            }

            writer.WriteStartArray("value");
            foreach (var task in page)
            {
                TodoJsonWriter.WriteTask(writer, task, select, expand);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }, sizeHint: 1024 + (page.Count * 1024));
    }

    private static GraphResponse Get(GraphCall call, MailboxData mailbox, TodoListData list, string taskId)
    {
        var task = list.Tasks.Get(taskId);
        return task is null
            ? TodoErrors.NotFound(call)
            : Entity(call, mailbox, list, task, 200, SelectList.Parse(call.Query("$select")), TodoJsonWriter.ExpandsLinkedResources(call.Query("$expand")));
    }

    private static async Task<GraphResponse> CreateAsync(GraphCall call, MailboxData mailbox, TodoListData list)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!TodoTaskJson.TryValidate(body!, creating: true, out var reason))
        {
            return TodoErrors.Invalid(call, reason!);
        }

        var task = mailbox.Todo.CreateTask(list, body!);

        // Graph answers a create that had inline linkedResources with them, ids included.
        return Entity(call, mailbox, list, task, 201, select: null, expand: body!.ContainsKey("linkedResources"));
    }

    private static async Task<GraphResponse> UpdateAsync(GraphCall call, MailboxData mailbox, TodoListData list, string taskId)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (list.Tasks.Get(taskId) is null)
        {
            return TodoErrors.NotFound(call);
        }

        if (!TodoTaskJson.TryValidate(body!, creating: false, out var reason))
        {
            return TodoErrors.Invalid(call, reason!);
        }

        var task = mailbox.Todo.UpdateTask(list, taskId, body!);
        return task is null
            ? TodoErrors.NotFound(call)
            : Entity(call, mailbox, list, task, 200, select: null, TodoJsonWriter.ExpandsLinkedResources(call.Query("$expand")));
    }

    private static GraphResponse Entity(GraphCall call, MailboxData mailbox, TodoListData list, TodoTask task, int status, SelectList? select, bool expand) =>
        GraphResponse.Json(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", TasksContext(call, mailbox, list) + "/$entity");
            TodoJsonWriter.WriteTaskProperties(writer, task, select, expand);
            writer.WriteEndObject();
        });

    private static GraphResponse ListLinkedResources(GraphCall call, MailboxData mailbox, TodoListData list, string taskId)
    {
        var task = list.Tasks.Get(taskId);
        if (task is null)
        {
            return TodoErrors.NotFound(call);
        }

        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{TasksContext(call, mailbox, list)}('{taskId}')/linkedResources");
            writer.WriteStartArray("value");
            foreach (var resource in task.LinkedResources)
            {
                TodoJsonWriter.WriteLinkedResource(writer, resource);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<GraphResponse> AddLinkedResourceAsync(GraphCall call, MailboxData mailbox, TodoListData list, string taskId)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (list.Tasks.Get(taskId) is null)
        {
            return TodoErrors.NotFound(call);
        }

        if (TodoTaskJson.ValidateLinkedResource(body) is { } reason)
        {
            return TodoErrors.Invalid(call, reason);
        }

        var added = mailbox.Todo.AddLinkedResource(list, taskId, body!);
        if (added is null)
        {
            return TodoErrors.NotFound(call);
        }

        var resource = added.Value.Resource;
        return GraphResponse.Json(201, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{TasksContext(call, mailbox, list)}('{taskId}')/linkedResources/$entity");
            resource.WriteProperties(writer, select: null);
            writer.WriteString("id", resource.Id);
            writer.WriteEndObject();
        });
    }
}
