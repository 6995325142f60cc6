using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Todo;

/// <summary>A To Do list: its properties and its change-tracked tasks, which the tasks delta pages through.</summary>
internal sealed class TodoListData(TodoTaskListInfo info)
{
    private TodoTaskListInfo _info = info;

    public string Id { get; } = info.Id;

    /// <summary>The current properties; replaced as a whole so a reader never sees half a rename.</summary>
    public TodoTaskListInfo Info
    {
        get => Volatile.Read(ref _info);
        set => Volatile.Write(ref _info, value);
    }

    public ChangeTrackedCollection<TodoTask> Tasks { get; } = new();
}
