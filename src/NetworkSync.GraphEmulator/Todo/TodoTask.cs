using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Todo;

/// <summary>
/// One version of a todoTask: its JSON (without linkedResources, which Graph only returns on $expand),
/// its linked resources, and the etag of this version. Never changed after creation; an update stores a
/// new version, so a delta page being written never sees a half-applied change.
/// </summary>
internal sealed record TodoTask(JsonItem Json, IReadOnlyList<JsonItem> LinkedResources, string ETag)
{
    public string Id => Json.Id;

    public string? Status => Json.GetString("status");
}
