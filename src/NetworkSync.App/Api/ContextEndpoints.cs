using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Context;
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
        var group = app.MapGroup("/api/context").WithTags("Context").RequireCallerMailbox();

        group.MapGet("/{address}", GetPersonContext)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetPersonContext")
            .WithSummary("The relationship context of one address: warmth, flags, timeline, meetings and open follow-ups.");
        group.MapPost("/batch", GetPersonContextBatch)
            .WithName("GetPersonContextBatch")
            .WithSummary("The relationship context of up to 100 addresses at once, warmest first, the caller's own left out.");
    }

    public static async Task<Results<JsonBytesResult<PersonContext>, ProblemHttpResult>> GetPersonContext(
        string address, Caller caller, [AsParameters] ContextServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized)
        {
            return NetworkApiProblems.NotAnAddress(address);
        }

        var context = await services.Contexts.GetAsync(caller.Mailbox, normalized, ct).ConfigureAwait(false);
        return context is null ? NetworkApiProblems.OwnAddress() : services.Json.One(context);
    }

    public static async Task<Results<JsonBytesResult<PersonContextBatch>, ValidationProblem>> GetPersonContextBatch(
        ContextBatchRequest? request, Caller caller, [AsParameters] ContextServices services, CancellationToken ct)
    {
        var errors = Validate(request, out var addresses);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Check the addresses");
        }

        return services.Json.Batch(await services.Contexts.GetManyAsync(caller.Mailbox, addresses, ct).ConfigureAwait(false));
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
