using NetworkSync.Sync;

namespace NetworkSync.Application.Privacy;

/// <summary>
/// The Graph connection the privacy operations delete To Do tasks and lists through, looked up only when
/// needed (the service's is <c>SyncCoordinator.Connection</c>); null when there is none.
/// </summary>
public sealed class PrivacyGraph(Func<GraphConnection?> connection)
{
    public GraphConnection? Connection => connection();
}
