using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Contacts;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

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
        app.MapGet("/api/merge-suggestions", async Task<Results<Ok<List<MergeSuggestionView>>, ProblemHttpResult>> (
            CallerMailbox caller, NetworkKnowledgeService knowledge, TimeProvider time, CancellationToken ct) =>
        {
            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            return mailbox is null
                ? CallerMailbox.NoMailbox.Create()
                : TypedResults.Ok((await knowledge.SuggestionsAsync(mailbox, time.GetUtcNow(), ct).ConfigureAwait(false)).ToList());
        })
        .WithTags("Contacts")
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("ListCallerMergeSuggestions")
        .WithSummary("Pairs of addresses under one name with no evidence that they are one person, each with why: confirm them or keep them apart.");

        var group = app.MapGroup("/api/contacts/{address}").WithTags("Contacts");
        MapPair(group, ContactOverrideKindNames.Same, "ConfirmCallerSamePerson", "WithdrawCallerSamePerson", "Confirms that two addresses are one person (replaces a keep-apart of the pair).", "Withdraws a confirmation that two addresses are one person.");
        MapPair(group, ContactOverrideKindNames.Apart, "KeepCallerContactsApart", "WithdrawCallerKeepApart", "Keeps two addresses apart as two people, never merged (replaces a confirmation of the pair).", "Withdraws a keep-apart: the evidence decides again.");
    }

    private static void MapPair(RouteGroupBuilder group, string kind, string setName, string removeName, string setSummary, string removeSummary)
    {
        group.MapPut($"/{kind}/{{other}}", (string address, string other, CallerMailbox caller, ContactOverrideStore store, ContactScoreCache scores, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(address, other, kind, set: true, caller, store, scores, time, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName(setName)
            .WithSummary(setSummary + " Answers 204.");
        group.MapDelete($"/{kind}/{{other}}", (string address, string other, CallerMailbox caller, ContactOverrideStore store, ContactScoreCache scores, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(address, other, kind, set: false, caller, store, scores, time, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName(removeName)
            .WithSummary(removeSummary + " Answers 204 whether or not it was set.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string address, string other, string kind, bool set, CallerMailbox caller, ContactOverrideStore store, ContactScoreCache scores, TimeProvider time, CancellationToken ct)
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

        var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
        if (mailbox is null)
        {
            return CallerMailbox.NoMailbox.Create();
        }

        // As for muting: setting one about yourself is refused, removing one never is.
        if (set && (ContactEndpoints.IsOwn(mailbox, normalized) || ContactEndpoints.IsOwn(mailbox, normalizedOther)))
        {
            return NetworkApiProblems.OwnAddress();
        }

        if (set)
        {
            await store.SetAsync(new ContactOverrideRow { MailboxId = mailbox.Id, Address = normalized, Kind = kind, OtherAddress = normalizedOther, CreatedMs = time.GetUtcNow().ToUnixTimeMilliseconds() }, ct).ConfigureAwait(false);
            scores.Invalidate(mailbox.Id);
            return TypedResults.NoContent();
        }

        // A pair is a pair in either order: the answer may have been given as (other, address).
        var removed = await store.RemoveAsync(mailbox.Id, normalized, kind, normalizedOther, ct).ConfigureAwait(false);
        removed |= await store.RemoveAsync(mailbox.Id, normalizedOther, kind, normalized, ct).ConfigureAwait(false);
        if (removed)
        {
            scores.Invalidate(mailbox.Id);
        }

        return TypedResults.NoContent();
    }
}
