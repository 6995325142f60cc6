namespace NetworkSync.Storage;

/// <summary>
/// The database cannot be used, said in one line for people (unreachable, refused the credentials, no such
/// database, a schema from a newer version). The message never holds a password.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageUnavailableException()
    {
    }
}
