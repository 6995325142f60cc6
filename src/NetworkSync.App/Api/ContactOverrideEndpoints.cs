using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Contacts;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/mailboxes/{mailbox}/contacts/{address}/overrides: the user's corrections, which stick across
/// re-syncs. PUT or DELETE "person" (not automated), "muted" (not a relationship), "apart/{other}"
/// (two people, never merged), "same/{other}" (one person: a merge suggestion confirmed).
/// </summary>
public static class ContactOverrideEndpoints
{
    public static void MapContactOverrides(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailboxes/{mailbox}/contacts/{address}/overrides").WithTags("Contact overrides");
        group.MapPut("/{kind}", (string mailbox, string address, string kind, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(mailbox, address, kind, null, set: true, mailboxes, store, cache, time, ct)).WithName("SetContactOverride");
        group.MapDelete("/{kind}", (string mailbox, string address, string kind, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(mailbox, address, kind, null, set: false, mailboxes, store, cache, time, ct)).WithName("RemoveContactOverride");
        group.MapPut("/apart/{other}", (string mailbox, string address, string other, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(mailbox, address, ContactOverrideKindNames.Apart, other, set: true, mailboxes, store, cache, time, ct)).WithName("KeepContactsApart");
        group.MapDelete("/apart/{other}", (string mailbox, string address, string other, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(mailbox, address, ContactOverrideKindNames.Apart, other, set: false, mailboxes, store, cache, time, ct)).WithName("AllowContactsMerged");
        group.MapPut("/same/{other}", (string mailbox, string address, string other, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(mailbox, address, ContactOverrideKindNames.Same, other, set: true, mailboxes, store, cache, time, ct)).WithName("ConfirmSamePerson");
        group.MapDelete("/same/{other}", (string mailbox, string address, string other, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(mailbox, address, ContactOverrideKindNames.Same, other, set: false, mailboxes, store, cache, time, ct)).WithName("WithdrawSamePerson");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string mailbox, string address, string kind, string? other, bool set, MailboxStore mailboxes, ContactOverrideStore store, ContactScoreCache cache, TimeProvider time, CancellationToken ct)
    {
        if (ContactOverrideKindNames.FromWire(kind) is not { } parsed || parsed == ContactOverrideKind.Forgotten || parsed.IsPair() != (other is not null))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown override", detail: "Use person, muted, apart/{other address} or same/{other address}.");
        }

        var normalized = EmailAddressNormalizer.Normalize(address);
        var normalizedOther = other is null ? string.Empty : EmailAddressNormalizer.Normalize(other);
        if (normalized is null || normalizedOther is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an email address");
        }

        var row = await mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
        if (row is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown mailbox");
        }

        // The same rule as the caller's own routes: no correction is about yourself.
        if (set && (ContactEndpoints.IsOwn(row, normalized) || (other is not null && ContactEndpoints.IsOwn(row, normalizedOther))))
        {
            return NetworkApiProblems.OwnAddress();
        }

        if (set)
        {
            await store.SetAsync(new ContactOverrideRow { MailboxId = row.Id, Address = normalized, Kind = kind, OtherAddress = normalizedOther, CreatedMs = time.GetUtcNow().ToUnixTimeMilliseconds() }, ct).ConfigureAwait(false);
        }
        else if (!await store.RemoveAsync(row.Id, normalized, kind, normalizedOther, ct).ConfigureAwait(false))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such override");
        }

        cache.Invalidate(row.Id);
        return TypedResults.NoContent();
    }
}
