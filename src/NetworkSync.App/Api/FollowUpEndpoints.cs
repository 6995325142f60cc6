using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.FollowUps;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.FollowUps;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/followups: the caller's follow-ups and what they can do with them (done, dismiss, snooze,
/// reopen, create by hand). Each action goes through <see cref="FollowUpCommands"/>, which queues a
/// follow-up pass so the To Do task follows at once.
/// </summary>
public static class FollowUpEndpoints
{
    private const int MaxContacts = 20;
    private const int MaxTitle = 200;

    public static void MapFollowUps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/followups").WithTags("Follow-ups").RequireCallerMailbox();

        group.MapGet("/", ListFollowUps)
            .WithName("ListFollowUps")
            .WithSummary("The caller's follow-ups, soonest due first (default: open and snoozed).");
        group.MapPost("/", CreateFollowUp)
            .WithName("CreateFollowUp")
            .WithSummary("Creates a follow-up by hand (kind \"manual\").");
        group.MapPost("/{id}/done", CompleteFollowUp)
            .WithName("CompleteFollowUp")
            .WithSummary("Marks a follow-up done.");
        group.MapPost("/{id}/dismiss", DismissFollowUp)
            .WithName("DismissFollowUp")
            .WithSummary("Dismisses a follow-up: not needed.");
        group.MapPost("/{id}/reopen", ReopenFollowUp)
            .WithName("ReopenFollowUp")
            .WithSummary("Reopens a follow-up that was done, dismissed or snoozed.");
        group.MapPost("/{id}/snooze", SnoozeFollowUp)
            .WithName("SnoozeFollowUp")
            .WithSummary("Snoozes a follow-up until a time in the future.");
    }

    public static async Task<Results<Ok<List<FollowUpView>>, ProblemHttpResult>> ListFollowUps(
        string? status, Caller caller, [AsParameters] FollowUpServices services, CancellationToken ct)
    {
        if (!FollowUpFilterNames.TryFromWire(status, out var filter))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown status filter", detail: "status must be one of active, open, snoozed, done, dismissed, all.");
        }

        return TypedResults.Ok(await services.Query.ListAsync(caller.Mailbox.Id, services.Time.GetUtcNow(), filter, ct).ConfigureAwait(false));
    }

    public static async Task<Results<Created<FollowUpView>, ValidationProblem, ProblemHttpResult>> CreateFollowUp(
        CreateFollowUpRequest request, Caller caller, [AsParameters] FollowUpServices services, CancellationToken ct)
    {
        var errors = Validate(request, services.Time.GetUtcNow(), out var contacts);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = await services.Commands.CreateAsync(caller.Mailbox.Id, contacts, request.Title!.Trim(), request.Due!.Value, services.Time.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/followups/{view.Id}", view);
    }

    // done, dismiss and reopen read no body but accept the snooze one, as they always have: a client that
    // sends the same body to every action must keep getting the same answers.
    public static Task<Results<Ok<FollowUpView>, ValidationProblem, ProblemHttpResult>> CompleteFollowUp(string id, SnoozeRequest? body, Caller caller, [AsParameters] FollowUpServices services, CancellationToken ct) =>
        ChangeAsync(id, caller, services, services.Time.GetUtcNow(), (record, now) => FollowUpLifecycle.Complete(record, now), ct);

    public static Task<Results<Ok<FollowUpView>, ValidationProblem, ProblemHttpResult>> DismissFollowUp(string id, SnoozeRequest? body, Caller caller, [AsParameters] FollowUpServices services, CancellationToken ct) =>
        ChangeAsync(id, caller, services, services.Time.GetUtcNow(), (record, now) => FollowUpLifecycle.Dismiss(record, now), ct);

    public static Task<Results<Ok<FollowUpView>, ValidationProblem, ProblemHttpResult>> ReopenFollowUp(string id, SnoozeRequest? body, Caller caller, [AsParameters] FollowUpServices services, CancellationToken ct) =>
        ChangeAsync(id, caller, services, services.Time.GetUtcNow(), (record, _) => FollowUpLifecycle.Reopen(record), ct);

    public static async Task<Results<Ok<FollowUpView>, ValidationProblem, ProblemHttpResult>> SnoozeFollowUp(string id, SnoozeRequest? body, Caller caller, [AsParameters] FollowUpServices services, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow();
        if (body?.Until is not { } until || until <= now)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = ["Snooze until a time in the future, e.g. {\"until\": \"2026-12-01T09:00:00Z\"}."] });
        }

        return await ChangeAsync(id, caller, services, now, (record, at) => FollowUpLifecycle.Snooze(record, at, until), ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<FollowUpView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, Caller caller, FollowUpServices services, DateTimeOffset now, Func<FollowUpRecord, DateTimeOffset, FollowUpRecord> change, CancellationToken ct)
    {
        var view = await services.Commands.ChangeAsync(caller.Mailbox.Id, id, record => change(record, now), now, ct).ConfigureAwait(false);
        return view is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown follow-up", detail: "You have no follow-up with that id.")
            : TypedResults.Ok(view);
    }

    private static Dictionary<string, string[]> Validate(CreateFollowUpRequest request, DateTimeOffset now, out List<string> contacts)
    {
        var errors = new Dictionary<string, string[]>();
        contacts = [];
        if (request.Contacts is not { Count: > 0 and <= MaxContacts })
        {
            errors["contacts"] = [$"Give between 1 and {MaxContacts} addresses."];
        }
        else
        {
            foreach (var raw in request.Contacts)
            {
                if (EmailAddressNormalizer.Normalize(raw) is { } address)
                {
                    if (!contacts.Contains(address, StringComparer.Ordinal))
                    {
                        contacts.Add(address);
                    }
                }
                else
                {
                    errors["contacts"] = ["Every contact must be an e-mail address."];
                    break;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > MaxTitle || request.Title.Any(char.IsControl))
        {
            errors["title"] = [$"Give a one-line title of at most {MaxTitle} characters."];
        }

        if (request.Due is not { } due || due < now.AddYears(-1) || due > now.AddYears(5))
        {
            errors["due"] = ["Give a due time (ISO 8601) within the next five years."];
        }

        return errors;
    }
}
