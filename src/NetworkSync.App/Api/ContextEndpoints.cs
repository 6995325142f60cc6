using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Context;
using NetworkSync.Domain.Addresses;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/context: the relationship context of the people on an Outlook item, for the task pane. An
/// address NetworkSync has never seen is a first contact, never a 404. The task pane asks on every item
/// the user opens, so the answers are written from JSON kept per person (see <see cref="PersonContextJson"/>).
/// </summary>
public static class ContextEndpoints
{
    public static void MapContext(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/context").WithTags("Context");

        group.MapGet("/{address}", async Task<Results<JsonBytesResult<PersonContext>, ProblemHttpResult>> (
            string address, CallerMailbox caller, PersonContextService contexts, PersonContextJson json, CancellationToken ct) =>
        {
            if (EmailAddressNormalizer.Normalize(address) is not { } normalized)
            {
                return NetworkApiProblems.NotAnAddress(address);
            }

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            var context = await contexts.GetAsync(mailbox, normalized, ct).ConfigureAwait(false);
            return context is null ? NetworkApiProblems.OwnAddress() : json.One(context);
        })
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("GetPersonContext")
        .WithSummary("The relationship context of one address: warmth, flags, timeline, meetings and open follow-ups.");

        group.MapPost("/batch", async Task<Results<JsonBytesResult<PersonContextBatch>, ValidationProblem, ProblemHttpResult>> (
            ContextBatchRequest? request, CallerMailbox caller, PersonContextService contexts, PersonContextJson json, CancellationToken ct) =>
        {
            var errors = Validate(request, out var addresses);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Check the addresses");
            }

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            return mailbox is null
                ? CallerMailbox.NoMailbox.Create()
                : json.Batch(await contexts.GetManyAsync(mailbox, addresses, ct).ConfigureAwait(false));
        })
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("GetPersonContextBatch")
        .WithSummary("The relationship context of up to 100 addresses at once, warmest first, the caller's own left out.");
    }

    /// <summary>
    /// Checks a batch: 1 to <see cref="PersonContextService.MaxBatch"/> entries (counted as sent), each an
    /// e-mail address. Malformed entries are named by position ("addresses[3]") with what was sent.
    /// </summary>
    public static Dictionary<string, string[]> Validate(ContextBatchRequest? request, out List<string> addresses)
    {
        addresses = [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.Addresses is not { Count: > 0 and <= PersonContextService.MaxBatch } given)
        {
            errors["addresses"] = [$"Give between 1 and {PersonContextService.MaxBatch} addresses, e.g. {{\"addresses\": [\"ana.abe@contoso.example\"]}}."];
            return errors;
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (EmailAddressNormalizer.Normalize(given[i]) is { } normalized)
            {
                addresses.Add(normalized);
            }
            else
            {
                errors[$"addresses[{i}]"] = [$"'{NetworkApiProblems.Echo(given[i])}' is not an e-mail address."];
            }
        }

        return errors;
    }
}
