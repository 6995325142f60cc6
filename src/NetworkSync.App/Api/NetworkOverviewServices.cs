using NetworkSync.Application.Network;

namespace NetworkSync.App.Api;

/// <summary>What the network-overview route needs, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class NetworkOverviewServices(NetworkOverviewService overview)
{
    public NetworkOverviewService Overview { get; } = overview;
}
