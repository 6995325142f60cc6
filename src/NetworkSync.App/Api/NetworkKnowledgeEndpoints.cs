using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Contacts;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/network-knowledge: "How well NetworkSync knows your network" for the caller's own mailbox, in
/// local and Entra ID mode alike: the warmth model in use (fitted, or the built-in weights and why) and
/// its backtest on the mailbox's own history beside the three baselines, measured at most once a day.
/// </summary>
public static class NetworkKnowledgeEndpoints
{
    public static void MapNetworkKnowledge(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/network-knowledge").WithTags("Relationship model").RequireCallerMailbox()
            .MapGet(string.Empty, GetNetworkKnowledge)
            .WithName("GetCallerNetworkKnowledge")
            .WithSummary("How well the warmth model ranks whom the caller writes to next (ROC AUC, average precision) beside recency, 365-day count and decayed count, with the model in use and why; measured at most once a day.");
    }

    public static async Task<Ok<NetworkKnowledgeView>> GetNetworkKnowledge(Caller caller, [AsParameters] NetworkKnowledgeServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Knowledge.GetAsync(caller.Mailbox, services.Time.GetUtcNow(), refresh: false, ct).ConfigureAwait(false));
}
