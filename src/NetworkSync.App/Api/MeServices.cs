using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Api;

/// <summary>What the /api/me route needs, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class MeServices(MissingPermissions missing, TimeProvider time)
{
    public MissingPermissions Missing { get; } = missing;

    public TimeProvider Time { get; } = time;
}
