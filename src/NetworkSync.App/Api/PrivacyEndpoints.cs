using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Privacy;

namespace NetworkSync.App.Api;

/// <summary>
/// The caller's privacy rights over their own mailbox: DELETE /api/contacts/{address} (forget a person),
/// DELETE /api/me/data (delete everything and stop syncing), POST /api/me/resume-sync (sync again) and
/// GET /api/me/export (everything stored, as JSON).
/// </summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacy(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/contacts").WithTags("Privacy");
        contacts.MapDelete("/{address}", async Task<Results<NoContent, ProblemHttpResult>> (string address, CallerMailbox caller, PrivacyService privacy, CancellationToken ct) =>
        {
            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            return await privacy.ForgetAsync(mailbox, address, ct).ConfigureAwait(false) switch
            {
                ForgetOutcome.NotAnAddress => NetworkApiProblems.NotAnAddress(address),
                ForgetOutcome.OwnAddress => NetworkApiProblems.OwnAddress(),
                _ => TypedResults.NoContent(),
            };
        })
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("ForgetContact")
        .WithSummary("Forgets a person (and every address merged into them): cut out of stored mail and meetings, their follow-ups and To Do tasks deleted, and never stored again.");

        var me = app.MapGroup("/api/me").WithTags("Privacy");
        me.MapDelete("/data", async Task<Results<NoContent, ProblemHttpResult>> (CallerMailbox caller, PrivacyService privacy, CancellationToken ct) =>
        {
            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            await privacy.DeleteAllAsync(mailbox, ct).ConfigureAwait(false);
            caller.Forget(mailbox.Id);
            return TypedResults.NoContent();
        })
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("DeleteMyData")
        .WithSummary("Deletes everything stored for the caller's mailbox, its To Do tasks and list, and its recurring jobs, and stops syncing it until POST /api/me/resume-sync.");

        // No mailbox is needed: after "delete all my data" the caller has none, which is the point.
        me.MapPost("/resume-sync", async Task<Results<NoContent, ProblemHttpResult>> (CallerMailbox caller, PrivacyService privacy, CancellationToken ct) =>
        {
            if (!caller.TryGetCallerUserId(out var userId))
            {
                return CallerMailbox.NoCaller.Create();
            }

            await privacy.ResumeSyncAsync(userId, ct).ConfigureAwait(false);
            return TypedResults.NoContent();
        })
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .WithName("ResumeMySync")
        .WithSummary("Lifts the opt-out \"delete all my data\" recorded (in local mode, every opt-out), so the next sync lists the directory again and syncs the caller's mailbox from scratch. 204 whether or not there was one.");

        me.MapGet("/export", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (CallerMailbox caller, PrivacyService privacy, CancellationToken ct) =>
        {
            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            return TypedResults.Stream(stream => privacy.ExportAsync(mailbox, stream, ct), "application/json", "networksync-export.json");
        })
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("ExportMyData")
        .WithSummary("Everything stored for the caller's mailbox as one JSON download: mailbox, settings, overrides, follow-ups, scored contacts and mail and meeting metadata.");
    }
}
