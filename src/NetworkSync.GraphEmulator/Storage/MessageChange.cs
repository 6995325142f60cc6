namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// What one message mutation did, for change notifications: the folder and regular id the message had
/// before (null when it was created) and has now (null when it was deleted). A move has both, with
/// different folders. <paramref name="Sequence"/> is the change number the etag is derived from.
/// </summary>
internal sealed record MessageChange(string ImmutableId, string? FromFolderId, string? FromRegularId, string? ToFolderId, string? ToRegularId, long Sequence);
