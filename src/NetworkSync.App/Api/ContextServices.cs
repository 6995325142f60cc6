using NetworkSync.Application.Context;

namespace NetworkSync.App.Api;

/// <summary>What the context routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class ContextServices(PersonContextService contexts, PersonContextJson json)
{
    public PersonContextService Contexts { get; } = contexts;

    public PersonContextJson Json { get; } = json;
}
