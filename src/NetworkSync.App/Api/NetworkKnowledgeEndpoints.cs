using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Contacts;

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
        app.MapGet("/api/network-knowledge", async Task<Results<Ok<NetworkKnowledgeView>, ProblemHttpResult>> (
            CallerMailbox caller, NetworkKnowledgeService knowledge, TimeProvider time, CancellationToken ct) =>
        {
            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            return mailbox is null
                ? CallerMailbox.NoMailbox.Create()
                : TypedResults.Ok(await knowledge.GetAsync(mailbox, time.GetUtcNow(), refresh: false, ct).ConfigureAwait(false));
        })
        .WithTags("Relationship model")
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("GetCallerNetworkKnowledge")
        .WithSummary("How well the warmth model ranks whom the caller writes to next (ROC AUC, average precision) beside recency, 365-day count and decayed count, with the model in use and why; measured at most once a day.");
    }
}
