using NetworkSync.Application.Privacy;

namespace NetworkSync.App.Api;

/// <summary>What the privacy routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class PrivacyServices(PrivacyService privacy, CallerMailbox callers)
{
    public PrivacyService Privacy { get; } = privacy;

    /// <summary>For forgetting the caller's kept mailbox once its data is deleted, and for the caller's user id.</summary>
    public CallerMailbox Callers { get; } = callers;
}
