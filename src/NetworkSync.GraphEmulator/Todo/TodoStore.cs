using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Todo;

/// <summary>
/// One user's Microsoft To Do: lists in creation order, each with change-tracked tasks. Every task
/// change (create, update, complete, linked resource added, delete) is a new entry in the list's
/// collection, which is what the tasks delta reports. Writes take the store lock, so a
/// read-modify-write (PATCH) is atomic; reads go straight to the collections.
/// </summary>
internal sealed class TodoStore
{
    private readonly Lock _gate = new();
    private readonly List<TodoListData> _lists = [];
    private readonly TimeProvider _clock;

    public TodoStore(string userId, TimeProvider clock)
    {
        _clock = clock;

        // Every mailbox has the well-known "Tasks" list, as To Do creates it with the mailbox.
        _lists.Add(new TodoListData(new TodoTaskListInfo(TodoIds.DefaultListId(userId), "Tasks", TodoTaskListInfo.DefaultList, TodoIds.NewETag())));
    }

    public IReadOnlyList<TodoListData> Lists
    {
        get
        {
            lock (_gate)
            {
                return [.. _lists];
            }
        }
    }

    public TodoListData DefaultList
    {
        get
        {
            lock (_gate)
            {
                return _lists.First(l => l.Info.IsDefault);
            }
        }
    }

    public TodoListData? FindList(string listId)
    {
        lock (_gate)
        {
            return _lists.Find(l => l.Id == listId);
        }
    }

    public TodoListData CreateList(string displayName)
    {
        var list = new TodoListData(new TodoTaskListInfo(TodoIds.NewListId(), displayName, TodoTaskListInfo.NoWellknownName, TodoIds.NewETag()));
        lock (_gate)
        {
            _lists.Add(list);
        }

        return list;
    }

    public TodoTaskListInfo? RenameList(string listId, string displayName)
    {
        lock (_gate)
        {
            var list = _lists.Find(l => l.Id == listId);
            if (list is null)
            {
                return null;
            }

            list.Info = list.Info with { DisplayName = displayName, ETag = TodoIds.NewETag() };
            return list.Info;
        }
    }

    /// <summary>Removes a list and its tasks; null when there is no such list, false for the default list (To Do keeps it).</summary>
    public bool? DeleteList(string listId)
    {
        lock (_gate)
        {
            var list = _lists.Find(l => l.Id == listId);
            if (list is null)
            {
                return null;
            }

            return !list.Info.IsDefault && _lists.Remove(list);
        }
    }

    /// <summary>Creates a task from a validated todoTask body, with inline linkedResources if it has them.</summary>
    public TodoTask CreateTask(TodoListData list, JsonObject body)
    {
        var json = TodoTaskJson.NewTask(body, TodoIds.NewTaskId(), _clock.GetUtcNow());
        var resources = body["linkedResources"] is JsonArray given
            ? given.Select(r => TodoTaskJson.NewLinkedResource(r!.AsObject())).ToList()
            : [];
        lock (_gate)
        {
            var task = Freeze(json, resources);
            list.Tasks.Upsert(task.Id, task);
            return task;
        }
    }

    /// <summary>Applies a validated PATCH; null when the task does not exist.</summary>
    public TodoTask? UpdateTask(TodoListData list, string taskId, JsonObject patch)
    {
        lock (_gate)
        {
            var current = list.Tasks.Get(taskId);
            if (current is null)
            {
                return null;
            }

            var json = TodoTaskJson.Patch(current.Json.ToJsonObject(), patch, _clock.GetUtcNow());
            var task = Freeze(json, [.. current.LinkedResources.Select(r => r.ToJsonObject())]);
            list.Tasks.Upsert(taskId, task);
            return task;
        }
    }

    public bool DeleteTask(TodoListData list, string taskId)
    {
        lock (_gate)
        {
            return list.Tasks.Remove(taskId) is not null;
        }
    }

    /// <summary>Adds a linked resource; the task counts as changed (new lastModifiedDateTime, reported by delta). Null when the task does not exist.</summary>
    public (TodoTask Task, JsonItem Resource)? AddLinkedResource(TodoListData list, string taskId, JsonObject body)
    {
        lock (_gate)
        {
            var current = list.Tasks.Get(taskId);
            if (current is null)
            {
                return null;
            }

            var json = current.Json.ToJsonObject();
            json["lastModifiedDateTime"] = TodoTaskJson.Instant(_clock.GetUtcNow());
            var resources = current.LinkedResources.Select(r => r.ToJsonObject()).Append(TodoTaskJson.NewLinkedResource(body)).ToList();
            var task = Freeze(json, resources);
            list.Tasks.Upsert(taskId, task);
            return (task, task.LinkedResources[^1]);
        }
    }

    private static TodoTask Freeze(JsonObject json, IReadOnlyList<JsonObject> resources)
    {
        if (!JsonItem.TryParse(json, out var item, out var reason))
        {
            throw new InvalidOperationException($"A built task did not parse: {reason}");
        }

        var frozen = resources.Select(r => JsonItem.TryParse(r, out var resource, out var why)
            ? resource!
            : throw new InvalidOperationException($"A built linkedResource did not parse: {why}")).ToList();
        return new TodoTask(item!, frozen, TodoIds.NewETag());
    }
}
