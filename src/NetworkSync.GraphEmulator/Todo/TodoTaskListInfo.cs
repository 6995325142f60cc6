namespace NetworkSync.GraphEmulator.Todo;

/// <summary>A todoTaskList's own properties at one moment (a rename replaces the whole record).</summary>
internal sealed record TodoTaskListInfo(string Id, string DisplayName, string WellknownListName, string ETag)
{
    public const string DefaultList = "defaultList";

    public const string NoWellknownName = "none";

    public bool IsDefault => WellknownListName == DefaultList;
}
