using NetworkSync.Application.Contacts;

namespace NetworkSync.App.Api;

/// <summary>What the network-knowledge route needs, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class NetworkKnowledgeServices(NetworkKnowledgeService knowledge, TimeProvider time)
{
    public NetworkKnowledgeService Knowledge { get; } = knowledge;

    public TimeProvider Time { get; } = time;
}
