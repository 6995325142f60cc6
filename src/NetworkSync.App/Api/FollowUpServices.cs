using NetworkSync.Application.FollowUps;

namespace NetworkSync.App.Api;

/// <summary>What the follow-up routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class FollowUpServices(FollowUpQuery query, FollowUpCommands commands, TimeProvider time)
{
    public FollowUpQuery Query { get; } = query;

    public FollowUpCommands Commands { get; } = commands;

    public TimeProvider Time { get; } = time;
}
