namespace NetworkSync.Sync.Mapping;

/// <summary>Either a mapped record or why a Graph item could not be used (it is then skipped and reported).</summary>
public readonly record struct MappingResult<T>(T? Value, string? Problem)
    where T : class;
