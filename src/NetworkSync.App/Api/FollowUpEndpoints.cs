using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Context;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.App.Jobs;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.FollowUps;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/followups: the caller's follow-ups and what they can do with them (done, dismiss, snooze,
/// reopen, create by hand). Each action queues a follow-up pass so the To Do task follows at once.
/// </summary>
public static class FollowUpEndpoints
{
    private const int MaxContacts = 20;
    private const int MaxTitle = 200;

    public static void MapFollowUps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/followups").WithTags("Follow-ups");

        group.MapGet("/", async Task<Results<Ok<List<FollowUpView>>, ProblemHttpResult>> (
            string? status, CallerMailbox caller, FollowUpQuery query, TimeProvider time, CancellationToken ct) =>
        {
            if (!FollowUpFilterNames.TryFromWire(status, out var filter))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown status filter", detail: "status must be one of active, open, snoozed, done, dismissed, all.");
            }

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            return mailbox is null
                ? CallerMailbox.NoMailbox.Create()
                : TypedResults.Ok(await query.ListAsync(mailbox.Id, time.GetUtcNow(), filter, ct).ConfigureAwait(false));
        })
        .WithName("ListFollowUps")
        .WithSummary("The caller's follow-ups, soonest due first (default: open and snoozed).");

        group.MapPost("/", async Task<Results<Created<FollowUpView>, ValidationProblem, ProblemHttpResult>> (
            CreateFollowUpRequest request, CallerMailbox caller, FollowUpRunner runner, ActiveFollowUpCache followUps, IBackgroundJobClient jobs, TimeProvider time, CancellationToken ct) =>
        {
            var errors = Validate(request, time.GetUtcNow(), out var contacts);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            var now = time.GetUtcNow();
            var record = FollowUpLifecycle.CreateManual(mailbox.Id, Guid.NewGuid(), contacts, request.Title!.Trim(), request.Due!.Value, now);
            await runner.AddAsync(mailbox.Id, record, now, ct).ConfigureAwait(false);
            followUps.Invalidate(mailbox.Id);
            jobs.Enqueue<FollowUpJob>(job => job.RunAsync(mailbox.Id, CancellationToken.None));
            return TypedResults.Created($"/api/followups/{record.Id}", FollowUpView.From(record, now));
        })
        .WithName("CreateFollowUp")
        .WithSummary("Creates a follow-up by hand (kind \"manual\").");

        MapAction(group, "done", "CompleteFollowUp", (record, now, _) => FollowUpLifecycle.Complete(record, now));
        MapAction(group, "dismiss", "DismissFollowUp", (record, now, _) => FollowUpLifecycle.Dismiss(record, now));
        MapAction(group, "reopen", "ReopenFollowUp", (record, _, _) => FollowUpLifecycle.Reopen(record));
        MapAction(group, "snooze", "SnoozeFollowUp", (record, now, until) => FollowUpLifecycle.Snooze(record, now, until!.Value), needsUntil: true);
    }

    private static void MapAction(RouteGroupBuilder group, string action, string name, Func<FollowUpRecord, DateTimeOffset, DateTimeOffset?, FollowUpRecord> change, bool needsUntil = false)
    {
        group.MapPost("/{id}/" + action, async Task<Results<Ok<FollowUpView>, ValidationProblem, ProblemHttpResult>> (
            string id, SnoozeRequest? body, CallerMailbox caller, FollowUpRunner runner, ActiveFollowUpCache followUps, IBackgroundJobClient jobs, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var until = body?.Until;
            if (needsUntil && (until is null || until <= now))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = ["Snooze until a time in the future, e.g. {\"until\": \"2026-12-01T09:00:00Z\"}."] });
            }

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            var result = await runner.ChangeAsync(mailbox.Id, id, r => r.Status == FollowUpStatus.Withdrawn ? null : change(r, now, until), now, ct).ConfigureAwait(false);
            if (result is null || result.Status == FollowUpStatus.Withdrawn)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown follow-up", detail: "You have no follow-up with that id.");
            }

            followUps.Invalidate(mailbox.Id);
            jobs.Enqueue<FollowUpJob>(job => job.RunAsync(mailbox.Id, CancellationToken.None));
            return TypedResults.Ok(FollowUpView.From(result, now));
        })
        .WithName(name);
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
