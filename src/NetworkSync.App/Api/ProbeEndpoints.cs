using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Hosting;

namespace NetworkSync.App.Api;

/// <summary>
/// The orchestrator's probes, anonymous and without detail: /healthz/live (the process serves) and
/// /healthz/ready (start-up done and the database answers; 503 Problem Details otherwise, probed afresh
/// each time). /healthz itself (the first sync, the mailboxes) is <see cref="HealthEndpoints"/>.
/// </summary>
public static class ProbeEndpoints
{
    public static RouteGroupBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/healthz").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", GetLive)
            .WithName("Live")
            .WithSummary("200 while the process serves requests: for a liveness probe.");
        group.MapGet("/ready", GetReady)
            .WithName("Ready")
            .WithSummary("200 when start-up (migrations) is done and the database answers a trivial query; 503 Problem Details otherwise. Each call probes again.");
        return group;
    }

    public static Ok<ProbeStatus> GetLive(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ProbeStatus("live"));
    }

    public static async Task<Results<Ok<ProbeStatus>, ProblemHttpResult>> GetReady(Readiness readiness, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        return await readiness.CheckAsync(ct).ConfigureAwait(false) switch
        {
            ReadinessState.Ready => TypedResults.Ok(new ProbeStatus("ready")),
            ReadinessState.Starting => NotReady("Start-up work (database migrations) is not finished yet."),
            _ => NotReady("The database did not answer; the next probe tries again."),
        };
    }

    private static ProblemHttpResult NotReady(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: detail);
}
