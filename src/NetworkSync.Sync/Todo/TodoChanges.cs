namespace NetworkSync.Sync.Todo;

/// <summary>A round of To Do delta: the changes and the link to ask from next time.</summary>
public sealed record TodoChanges(IReadOnlyList<TodoTaskChange> Tasks, string DeltaLink, bool StartedOver, int Requests);
