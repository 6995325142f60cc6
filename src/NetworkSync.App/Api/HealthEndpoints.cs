using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Notifications;
using NetworkSync.App.Hosting;
using NetworkSync.Storage;

namespace NetworkSync.App.Api;

public static class HealthEndpoints
{
    /// <summary>/healthz: 503 until the first sync has finished, then 200 with each mailbox's last sync.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> (SyncHealth health, MailboxStore mailboxes, MissingPermissions missing, CancellationToken ct) =>
        {
            var rows = await mailboxes.ListMailboxesAsync(ct).ConfigureAwait(false);
            var details = rows.Select(m => new MailboxHealth(m.Mail, m.LastSyncStatus, m.LastSyncError,
                m.LastSyncCompletedMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, NullIfEmpty(missing.For(m.Id)))).ToList();
            if (!health.Ready)
            {
                return TypedResults.Json(new HealthReport("starting", details), statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var status = details.Any(d => d.LastSync == "failed") ? "degraded" : "ok";
            return TypedResults.Ok(new HealthReport(status, details));
        })
        .WithName("Health")
        .WithTags("Health")
        .AllowAnonymous();

    /// <summary>Left out of the JSON when nothing is missing, so a healthy mailbox's entry looks as it always did.</summary>
    internal static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;
}
