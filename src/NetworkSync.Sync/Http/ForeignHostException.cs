namespace NetworkSync.Sync.Http;

/// <summary>
/// A paging link or redirect pointed away from the configured Graph host. Following it would hand
/// the mailbox's bearer token to someone else, so the collection's sync fails instead.
/// </summary>
public sealed class ForeignHostException(string message) : InvalidOperationException(message);
