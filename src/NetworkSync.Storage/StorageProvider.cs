namespace NetworkSync.Storage;

/// <summary>Which database engine holds the data (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One local file; the default and the demo.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several instances may share.</summary>
    Postgres,
}
