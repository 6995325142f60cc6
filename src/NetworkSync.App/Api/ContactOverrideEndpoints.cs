using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/mailboxes/{mailbox}/contacts/{address}/overrides: the user's corrections, which stick across
/// re-syncs. PUT or DELETE "person" (not automated), "muted" (not a relationship), "apart/{other}"
/// (two people, never merged), "same/{other}" (one person: a merge suggestion confirmed). The same
/// <see cref="ContactCorrections"/> as the caller's routes stores them.
/// </summary>
public static class ContactOverrideEndpoints
{
    public static void MapContactOverrides(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailboxes/{mailbox}/contacts/{address}/overrides").WithTags("Contact overrides");
        group.MapPut("/{kind}", SetOverride)
            .WithName("SetContactOverride")
            .WithSummary("Stores a correction of an address (person or muted) for the mailbox.");
        group.MapDelete("/{kind}", RemoveOverride)
            .WithName("RemoveContactOverride")
            .WithSummary("Removes a correction of an address (person or muted). Answers 204 whether or not it was set.");
        group.MapPut("/apart/{other}", KeepApart)
            .WithName("KeepContactsApart")
            .WithSummary("Keeps two addresses apart as two people, never merged (replaces a confirmation of the pair).");
        group.MapDelete("/apart/{other}", AllowMerged)
            .WithName("AllowContactsMerged")
            .WithSummary("Withdraws a keep-apart: the evidence decides again. Answers 204 whether or not it was set.");
        group.MapPut("/same/{other}", ConfirmSamePerson)
            .WithName("ConfirmSamePerson")
            .WithSummary("Confirms that two addresses are one person (replaces a keep-apart of the pair).");
        group.MapDelete("/same/{other}", WithdrawSamePerson)
            .WithName("WithdrawSamePerson")
            .WithSummary("Withdraws a confirmation that two addresses are one person. Answers 204 whether or not it was set.");
    }

    public static Task<Results<NoContent, ProblemHttpResult>> SetOverride(string mailbox, string address, string kind, [AsParameters] ContactOverrideServices services, CancellationToken ct) =>
        ChangeAsync(mailbox, address, kind, null, set: true, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> RemoveOverride(string mailbox, string address, string kind, [AsParameters] ContactOverrideServices services, CancellationToken ct) =>
        ChangeAsync(mailbox, address, kind, null, set: false, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> KeepApart(string mailbox, string address, string other, [AsParameters] ContactOverrideServices services, CancellationToken ct) =>
        ChangeAsync(mailbox, address, ContactOverrideKindNames.Apart, other, set: true, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> AllowMerged(string mailbox, string address, string other, [AsParameters] ContactOverrideServices services, CancellationToken ct) =>
        ChangeAsync(mailbox, address, ContactOverrideKindNames.Apart, other, set: false, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> ConfirmSamePerson(string mailbox, string address, string other, [AsParameters] ContactOverrideServices services, CancellationToken ct) =>
        ChangeAsync(mailbox, address, ContactOverrideKindNames.Same, other, set: true, services, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> WithdrawSamePerson(string mailbox, string address, string other, [AsParameters] ContactOverrideServices services, CancellationToken ct) =>
        ChangeAsync(mailbox, address, ContactOverrideKindNames.Same, other, set: false, services, ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string mailbox, string address, string kind, string? other, bool set, ContactOverrideServices services, CancellationToken ct)
    {
        if (ContactCorrection.KindFromWire(kind, hasOther: other is not null) is not { } parsed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown override", detail: "Use person, muted, apart/{other address} or same/{other address}.");
        }

        var normalized = EmailAddressNormalizer.Normalize(address);
        var normalizedOther = other is null ? string.Empty : EmailAddressNormalizer.Normalize(other);
        if (normalized is null || normalizedOther is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an email address");
        }

        if (other is not null && set && normalized == normalizedOther)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Two addresses needed",
                detail: "Both addresses are the same: a pair needs two different addresses.");
        }

        var row = await services.Mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
        if (row is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown mailbox");
        }

        var correction = new ContactCorrection(normalized, parsed, other is null ? null : normalizedOther);
        var outcome = set
            ? await services.Corrections.SetAsync(row, correction, ct).ConfigureAwait(false)
            : await services.Corrections.RemoveAsync(row, correction, ct).ConfigureAwait(false);
        return outcome == CorrectionOutcome.OwnAddress ? NetworkApiProblems.OwnAddress() : TypedResults.NoContent();
    }
}
