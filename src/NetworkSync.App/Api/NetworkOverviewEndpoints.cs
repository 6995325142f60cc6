using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Network;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/network-overview: the wider network of the caller's own mailbox for the dashboard's network page:
/// active relationships by tier and ties gained and lost month by month over two years, organisations by
/// domain, people the caller already kind of knows, "you owe a reply" and "waiting on them" (after the
/// caller's <c>waitingDays</c> setting, changed with PUT /api/settings).
/// </summary>
public static class NetworkOverviewEndpoints
{
    public static void MapNetworkOverview(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/network-overview").WithTags("Relationship model").RequireCallerMailbox()
            .MapGet(string.Empty, GetNetworkOverview)
            .WithName("GetCallerNetworkOverview")
            .WithSummary("The caller's wider network: relationships by tier and ties gained and lost per month (24 months), organisations by email domain with the warmest contact and warm ties, two-way weak ties in recent contact, who awaits the caller's reply and whom the caller waits on.");
    }

    public static async Task<Ok<NetworkOverview>> GetNetworkOverview(Caller caller, [AsParameters] NetworkOverviewServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Overview.GetAsync(caller.Mailbox, ct).ConfigureAwait(false));
}
