namespace NetworkSync.Sync.Engine;

/// <summary>Graph answered 410 Gone, or a 40X whose code asks for a resync: the delta or skip token is no longer valid and the collection must be enumerated again.</summary>
internal sealed class SyncStateExpiredException(Exception inner) : Exception("Graph no longer knows this delta token.", inner);
