namespace NetworkSync.Sync.Todo;

/// <summary>One task as To Do delta reports it: changed (with its status and our external id, if any) or removed.</summary>
public sealed record TodoTaskChange(string TaskId, bool Removed, bool Completed, string? ExternalId);
