namespace NetworkSync.Application.FollowUps.Todo;

/// <summary>What one To Do pass did for one mailbox; <see cref="Error"/> says why it stopped early, if it did.</summary>
public sealed record TodoSyncSummary(int Created, int Updated, int Deleted, int Adopted, int CompletedInTodo, int RemovedInTodo, string? Error)
{
    public bool Succeeded => Error is null;
}
