using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.Application.Notifications;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage;

namespace NetworkSync.App.Api;

public static class HealthEndpoints
{
    /// <summary>
    /// /healthz: 503 until the first sync has finished, then 200. Anyone gets the status and, in general
    /// terms, why; each mailbox's address, last sync and error go only to a signed-in caller (local mode)
    /// or a signed-in administrator (Entra ID: the <see cref="EntraOptions.AdminRole"/> app role).
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", GetHealth)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("503 until the first sync has finished, then 200: the status and why, with each mailbox's last sync for a signed-in caller (or, with Entra ID, an administrator).")
            .AllowAnonymous();

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>, Ok<HealthSummary>, JsonHttpResult<HealthSummary>>> GetHealth(
        SyncHealth health, MailboxStore mailboxes, MissingPermissions missing, EntraOptions entra, ClaimsPrincipal user, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        var rows = await mailboxes.ListMailboxesAsync(ct).ConfigureAwait(false);
        var details = rows.Select(m => MailboxHealth.From(m, NullIfEmpty(missing.For(m.Id)))).ToList();
        var status = !health.Ready ? "starting" : details.Any(d => d.LastSync == SyncOutcome.Failed.ToWire()) ? "degraded" : "ok";
        var code = health.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        if (MaySeeDetails(user, entra))
        {
            return code == StatusCodes.Status200OK ? TypedResults.Ok(new HealthReport(status, details)) : TypedResults.Json(new HealthReport(status, details), statusCode: code);
        }

        var summary = new HealthSummary(status, status switch
        {
            "starting" => "The first sync has not finished yet.",
            "degraded" => "The last sync of at least one mailbox failed.",
            _ => "Every mailbox synced.",
        });
        return code == StatusCodes.Status200OK ? TypedResults.Ok(summary) : TypedResults.Json(summary, statusCode: code);
    }

    /// <summary>Left out of the JSON when nothing is missing, so a healthy mailbox's entry looks as it always did.</summary>
    internal static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> list) => list.Count == 0 ? null : list;

    private static bool MaySeeDetails(ClaimsPrincipal user, EntraOptions entra)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        // Local mode has one user; with Entra ID only an administrator sees other people's mailboxes.
        return !entra.IsEnabled || user.Claims.Any(c => c.Type is "roles" or ClaimTypes.Role && string.Equals(c.Value, entra.AdminRole, StringComparison.Ordinal));
    }
}
