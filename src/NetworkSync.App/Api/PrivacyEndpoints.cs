using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Privacy;

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
        app.MapGroup("/api/contacts").WithTags("Privacy").RequireCallerMailbox()
            .MapDelete("/{address}", ForgetContact)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ForgetContact")
            .WithSummary("Forgets a person (and every address merged into them): cut out of stored mail and meetings, their follow-ups and To Do tasks deleted, and never stored again.");

        var me = app.MapGroup("/api/me").WithTags("Privacy").RequireCallerMailbox();
        me.MapDelete("/data", DeleteMyData)
            .WithName("DeleteMyData")
            .WithSummary("Deletes everything stored for the caller's mailbox, its To Do tasks and list, and its recurring jobs, and stops syncing it until POST /api/me/resume-sync.");
        me.MapGet("/export", ExportMyData)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("ExportMyData")
            .WithSummary("Everything stored for the caller's mailbox as one JSON download: mailbox, settings, overrides, follow-ups, scored contacts and mail and meeting metadata.");

        // No mailbox is needed: after "delete all my data" the caller has none, which is the point.
        app.MapGroup("/api/me").WithTags("Privacy")
            .MapPost("/resume-sync", ResumeMySync)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ResumeMySync")
            .WithSummary("Lifts the opt-out \"delete all my data\" recorded (in local mode, every opt-out), so the next sync lists the directory again and syncs the caller's mailbox from scratch. 204 whether or not there was one.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ForgetContact(string address, Caller caller, [AsParameters] PrivacyServices services, CancellationToken ct) =>
        await services.Privacy.ForgetAsync(caller.Mailbox, address, ct).ConfigureAwait(false) switch
        {
            ForgetOutcome.NotAnAddress => NetworkApiProblems.NotAnAddress(address),
            ForgetOutcome.OwnAddress => NetworkApiProblems.OwnAddress(),
            _ => TypedResults.NoContent(),
        };

    public static async Task<NoContent> DeleteMyData(Caller caller, [AsParameters] PrivacyServices services, CancellationToken ct)
    {
        var mailbox = caller.Mailbox;
        await services.Privacy.DeleteAllAsync(mailbox, ct).ConfigureAwait(false);
        services.Callers.Forget(mailbox.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResumeMySync([AsParameters] PrivacyServices services, CancellationToken ct)
    {
        if (!services.Callers.TryGetCallerUserId(out var userId))
        {
            return CallerMailbox.NoCaller.Create();
        }

        await services.Privacy.ResumeSyncAsync(userId, ct).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static PushStreamHttpResult ExportMyData(Caller caller, [AsParameters] PrivacyServices services, CancellationToken ct)
    {
        var mailbox = caller.Mailbox;
        return TypedResults.Stream(stream => services.Privacy.ExportAsync(mailbox, stream, ct), "application/json", "networksync-export.json");
    }
}
