namespace NetworkSync.Sync.Todo;

/// <summary>The task list NetworkSync wrote to no longer exists (the user deleted it, or it never did here).</summary>
public sealed class TodoListMissingException : Exception
{
    public TodoListMissingException()
    {
    }

    public TodoListMissingException(string message)
        : base(message)
    {
    }

    public TodoListMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
