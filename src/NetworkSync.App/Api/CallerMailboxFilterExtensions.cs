namespace NetworkSync.App.Api;

/// <summary>Puts <see cref="CallerMailboxFilter"/> in front of a route group's handlers.</summary>
public static class CallerMailboxFilterExtensions
{
    /// <summary>Every endpoint here answers for the caller's own mailbox: 503 (Problem Details) while they have none.</summary>
    public static RouteGroupBuilder RequireCallerMailbox(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<RouteGroupBuilder, CallerMailboxFilter>();
        group.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
