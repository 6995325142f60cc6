using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Todo;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// /users/{id}/todo/lists (GET, POST) and /todo/lists/{listId} (GET, PATCH, DELETE):
/// learn.microsoft.com/graph/api/todo-list-lists, todo-post-lists, todotasklist-get/-update/-delete.
/// </summary>
internal static class TodoListsEndpoint
{
    public static async Task<GraphResponse> HandleAsync(GraphCall call, MailboxData mailbox)
    {
        var method = call.Http.Request.Method;
        var todo = mailbox.Todo;
        if (call.Route.Endpoint == EndpointKind.TodoLists)
        {
            return HttpMethods.IsPost(method) ? await CreateAsync(call, mailbox).ConfigureAwait(false) : ListAll(call, mailbox);
        }

        var listId = call.Route.TodoListId!;
        if (HttpMethods.IsDelete(method))
        {
            return todo.DeleteList(listId) switch
            {
                null => TodoErrors.NotFound(call),
                false => GraphErrors.Create(call, 400, "invalidRequest", "The default list cannot be deleted."),
                true => GraphResponse.Empty(204),
            };
        }

        if (HttpMethods.IsPatch(method))
        {
            var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            // displayName is the only property a client can change; anything else is left as it is.
            TodoTaskListInfo? updated;
            if (!body!.ContainsKey("displayName"))
            {
                updated = todo.FindList(listId)?.Info;
            }
            else if (TryReadDisplayName(body, out var displayName))
            {
                updated = todo.RenameList(listId, displayName!);
            }
            else
            {
                return todo.FindList(listId) is null ? TodoErrors.NotFound(call) : TodoErrors.Invalid(call, "'displayName' must be a non-empty string.");
            }

            return updated is null ? TodoErrors.NotFound(call) : Entity(call, mailbox, updated, 200);
        }

        var list = todo.FindList(listId);
        return list is null ? TodoErrors.NotFound(call) : Entity(call, mailbox, list.Info, 200);
    }

    private static GraphResponse ListAll(GraphCall call, MailboxData mailbox) =>
        GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users('{mailbox.UserId}')/todo/lists");
            writer.WriteStartArray("value");
            foreach (var list in mailbox.Todo.Lists)
            {
                writer.WriteStartObject();
                TodoJsonWriter.WriteListProperties(writer, list.Info);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static async Task<GraphResponse> CreateAsync(GraphCall call, MailboxData mailbox)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!TryReadDisplayName(body!, out var displayName))
        {
            return TodoErrors.Invalid(call, "The 'displayName' property is required and must be a non-empty string.");
        }

        var list = mailbox.Todo.CreateList(displayName!);
        return Entity(call, mailbox, list.Info, 201);
    }

    private static GraphResponse Entity(GraphCall call, MailboxData mailbox, TodoTaskListInfo list, int status) =>
        GraphResponse.Json(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users('{mailbox.UserId}')/todo/lists/$entity");
            TodoJsonWriter.WriteListProperties(writer, list);
            writer.WriteEndObject();
        });

    private static bool TryReadDisplayName(JsonObject body, out string? displayName)
    {
        displayName = body["displayName"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return !string.IsNullOrWhiteSpace(displayName);
    }
}
