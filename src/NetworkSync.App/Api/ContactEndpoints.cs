using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.Context;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/contacts: the caller's contacts for the dashboard (lists, one person's history) and the caller's
/// corrections (muted, marked as a person), which stick across re-syncs and re-score at once.
/// </summary>
public static class ContactEndpoints
{
    public static void MapCallerContacts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contacts").WithTags("Contacts").RequireCallerMailbox();

        group.MapGet("/", ListContacts)
            .WithName("ListCallerContacts")
            .WithSummary("The caller's contacts: warmest (default), cooling, dormant or muted, with an optional search, a page at a time.");

        group.MapGet("/{address}/history", GetHistory)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetContactHistory")
            .WithSummary("A relationship month by month over 24 months: mail sent and received, meetings, and the warmth at each month's end.");

        group.MapGet("/{address}/intros", GetWarmPaths)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetWarmPaths")
            .WithSummary("Who in the caller's network can introduce them to an address, best first, each with why; an empty list when nobody can.");

        group.MapGet("/{address}/intros/organisation", GetOrganisationIntroducers)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetOrganisationIntroducers")
            .WithSummary("Colleagues (other synced mailboxes) who agreed to be suggested and know an address: name and their tier with it only, warmest first; an empty list when none, or when the administrator turned this off.");

        group.MapPut("/{address}/muted", Mute)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("MuteContact")
            .WithSummary("Mutes an address: not a relationship, never flagged or followed up.");
        group.MapDelete("/{address}/muted", Unmute)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("UnmuteContact")
            .WithSummary("Unmutes an address. Answers 204 whether or not it was set.");
        group.MapPut("/{address}/person", MarkAsPerson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("MarkContactAsPerson")
            .WithSummary("Marks an address as a person, never treated as automated.");
        group.MapDelete("/{address}/person", UnmarkAsPerson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("UnmarkContactAsPerson")
            .WithSummary("Lets the signals decide again whether an address is automated. Answers 204 whether or not it was set.");
    }

    public static async Task<Results<Ok<ContactPage>, ValidationProblem, ProblemHttpResult>> ListContacts(
        string? search, string? filter, string? offset, string? limit, Caller caller, [AsParameters] ContactServices services, CancellationToken ct)
    {
        var errors = ValidateListing(filter, offset, limit, out var parsedFilter, out var parsedOffset, out var parsedLimit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Check the listing parameters");
        }

        return TypedResults.Ok(await services.Contacts.ListAsync(caller.Mailbox, parsedFilter, search, parsedOffset, parsedLimit, ct).ConfigureAwait(false));
    }

    public static async Task<Results<Ok<ContactHistory>, ProblemHttpResult>> GetHistory(
        string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized)
        {
            return NetworkApiProblems.NotAnAddress(address);
        }

        return TypedResults.Ok(await services.History.GetAsync(caller.Mailbox, normalized, ct).ConfigureAwait(false));
    }

    public static async Task<Results<Ok<List<WarmPathView>>, ProblemHttpResult>> GetWarmPaths(
        string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized || !normalized.Contains('@', StringComparison.Ordinal))
        {
            return NetworkApiProblems.NotAnAddress(address);
        }

        var paths = await services.Introductions.FindAsync(caller.Mailbox, normalized, services.Time.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.Ok(paths.Select(WarmPathView.From).ToList());
    }

    public static async Task<Results<Ok<List<OrganisationIntroducerView>>, ProblemHttpResult>> GetOrganisationIntroducers(
        string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized || !normalized.Contains('@', StringComparison.Ordinal))
        {
            return NetworkApiProblems.NotAnAddress(address);
        }

        var colleagues = await services.Organisation.FindAsync(caller.Mailbox, normalized, ct).ConfigureAwait(false);
        return TypedResults.Ok(colleagues.Select(OrganisationIntroducerView.From).ToList());
    }

    public static Task<Results<NoContent, ProblemHttpResult>> Mute(string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct) =>
        ChangeAsync(address, ContactOverrideKind.Muted, set: true, caller, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> Unmute(string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct) =>
        ChangeAsync(address, ContactOverrideKind.Muted, set: false, caller, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> MarkAsPerson(string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct) =>
        ChangeAsync(address, ContactOverrideKind.Person, set: true, caller, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> UnmarkAsPerson(string address, Caller caller, [AsParameters] ContactServices services, CancellationToken ct) =>
        ChangeAsync(address, ContactOverrideKind.Person, set: false, caller, services, ct);

    /// <summary>
    /// Checks the listing parameters: filter warmest, cooling, dormant or muted; offset a whole number
    /// from 0; limit from 1 to <see cref="ContactListQuery.MaxLimit"/> (default <see cref="ContactListQuery.DefaultLimit"/>).
    /// </summary>
    public static Dictionary<string, string[]> ValidateListing(string? filter, string? offset, string? limit, out ContactListFilter parsedFilter, out int parsedOffset, out int parsedLimit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ContactListQuery.TryParseFilter(filter, out parsedFilter))
        {
            errors["filter"] = ["filter must be one of warmest, cooling, dormant, muted."];
        }

        parsedOffset = 0;
        if (offset is not null && (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out parsedOffset) || parsedOffset < 0))
        {
            errors["offset"] = ["offset must be a whole number, 0 or more."];
        }

        parsedLimit = ContactListQuery.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) || parsedLimit is < 1 or > ContactListQuery.MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {ContactListQuery.MaxLimit}."];
        }

        return errors;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(string address, ContactOverrideKind kind, bool set, Caller caller, ContactServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized)
        {
            return NetworkApiProblems.NotAnAddress(address);
        }

        var correction = new ContactCorrection(normalized, kind);
        var outcome = set
            ? await services.Corrections.SetAsync(caller.Mailbox, correction, ct).ConfigureAwait(false)
            : await services.Corrections.RemoveAsync(caller.Mailbox, correction, ct).ConfigureAwait(false);
        return outcome == CorrectionOutcome.OwnAddress ? NetworkApiProblems.OwnAddress() : TypedResults.NoContent();
    }
}
