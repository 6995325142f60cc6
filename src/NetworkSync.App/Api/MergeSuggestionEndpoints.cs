using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.App.Api;

/// <summary>
/// The caller's merge suggestions (same-name pairs with no evidence they are one person) and their
/// answers: <c>/api/contacts/{address}/same/{other}</c> confirms one person, <c>.../apart/{other}</c>
/// keeps two; each replaces the other for the pair, and both are stored with the other overrides, so
/// they survive re-syncs and re-score at once.
/// </summary>
public static class MergeSuggestionEndpoints
{
    public static void MapMergeSuggestions(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/merge-suggestions").WithTags("Contacts").RequireCallerMailbox()
            .MapGet(string.Empty, ListSuggestions)
            .WithName("ListCallerMergeSuggestions")
            .WithSummary("Pairs of addresses under one name with no evidence that they are one person, each with why: confirm them or keep them apart.");

        var group = app.MapGroup("/api/contacts/{address}").WithTags("Contacts").RequireCallerMailbox();
        group.MapPut("/same/{other}", ConfirmSamePerson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ConfirmCallerSamePerson")
            .WithSummary("Confirms that two addresses are one person (replaces a keep-apart of the pair). Answers 204.");
        group.MapDelete("/same/{other}", WithdrawSamePerson)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("WithdrawCallerSamePerson")
            .WithSummary("Withdraws a confirmation that two addresses are one person. Answers 204 whether or not it was set.");
        group.MapPut("/apart/{other}", KeepApart)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("KeepCallerContactsApart")
            .WithSummary("Keeps two addresses apart as two people, never merged (replaces a confirmation of the pair). Answers 204.");
        group.MapDelete("/apart/{other}", WithdrawKeepApart)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("WithdrawCallerKeepApart")
            .WithSummary("Withdraws a keep-apart: the evidence decides again. Answers 204 whether or not it was set.");
    }

    public static async Task<Ok<List<MergeSuggestionView>>> ListSuggestions(Caller caller, [AsParameters] MergeSuggestionServices services, CancellationToken ct) =>
        TypedResults.Ok((await services.Knowledge.SuggestionsAsync(caller.Mailbox, services.Time.GetUtcNow(), ct).ConfigureAwait(false)).ToList());

    public static Task<Results<NoContent, ProblemHttpResult>> ConfirmSamePerson(string address, string other, Caller caller, [AsParameters] MergeSuggestionServices services, CancellationToken ct) =>
        ChangeAsync(address, other, ContactOverrideKind.Same, set: true, caller, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> WithdrawSamePerson(string address, string other, Caller caller, [AsParameters] MergeSuggestionServices services, CancellationToken ct) =>
        ChangeAsync(address, other, ContactOverrideKind.Same, set: false, caller, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> KeepApart(string address, string other, Caller caller, [AsParameters] MergeSuggestionServices services, CancellationToken ct) =>
        ChangeAsync(address, other, ContactOverrideKind.Apart, set: true, caller, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> WithdrawKeepApart(string address, string other, Caller caller, [AsParameters] MergeSuggestionServices services, CancellationToken ct) =>
        ChangeAsync(address, other, ContactOverrideKind.Apart, set: false, caller, services, ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string address, string other, ContactOverrideKind kind, bool set, Caller caller, MergeSuggestionServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(address) is not { } normalized)
        {
            return NetworkApiProblems.NotAnAddress(address);
        }

        if (EmailAddressNormalizer.Normalize(other) is not { } normalizedOther)
        {
            return NetworkApiProblems.NotAnAddress(other);
        }

        if (string.Equals(normalized, normalizedOther, StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Two addresses needed",
                detail: "Both addresses are the same: a pair needs two different addresses.");
        }

        var correction = new ContactCorrection(normalized, kind, normalizedOther);
        var outcome = set
            ? await services.Corrections.SetAsync(caller.Mailbox, correction, ct).ConfigureAwait(false)
            : await services.Corrections.RemoveAsync(caller.Mailbox, correction, ct).ConfigureAwait(false);
        return outcome == CorrectionOutcome.OwnAddress ? NetworkApiProblems.OwnAddress() : TypedResults.NoContent();
    }
}
