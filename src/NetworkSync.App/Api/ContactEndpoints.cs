using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.Context;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// /api/contacts: the caller's contacts for the dashboard (lists, one person's history) and the caller's
/// corrections (muted, marked as a person), which stick across re-syncs and re-score at once.
/// </summary>
public static class ContactEndpoints
{
    public static void MapCallerContacts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contacts").WithTags("Contacts");

        group.MapGet("/", async Task<Results<Ok<ContactPage>, ValidationProblem, ProblemHttpResult>> (
            string? search, string? filter, string? offset, string? limit, CallerMailbox caller, ContactListQuery contacts, CancellationToken ct) =>
        {
            var errors = ValidateListing(filter, offset, limit, out var parsedFilter, out var parsedOffset, out var parsedLimit);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Check the listing parameters");
            }

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            return mailbox is null
                ? CallerMailbox.NoMailbox.Create()
                : TypedResults.Ok(await contacts.ListAsync(mailbox, parsedFilter, search, parsedOffset, parsedLimit, ct).ConfigureAwait(false));
        })
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("ListCallerContacts")
        .WithSummary("The caller's contacts: warmest (default), cooling, dormant or muted, with an optional search, a page at a time.");

        group.MapGet("/{address}/history", async Task<Results<Ok<ContactHistory>, ProblemHttpResult>> (
            string address, CallerMailbox caller, ContactHistoryService history, CancellationToken ct) =>
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

            return TypedResults.Ok(await history.GetAsync(mailbox, normalized, ct).ConfigureAwait(false));
        })
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("GetContactHistory")
        .WithSummary("A relationship month by month over 24 months: mail sent and received, meetings, and the warmth at each month's end.");

        MapOverride(group, ContactOverrideKindNames.Muted, "MuteContact", "UnmuteContact", "Mutes an address: not a relationship, never flagged or followed up.", "Unmutes an address.");
        MapOverride(group, ContactOverrideKindNames.Person, "MarkContactAsPerson", "UnmarkContactAsPerson", "Marks an address as a person, never treated as automated.", "Lets the signals decide again whether an address is automated.");
    }

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

    private static void MapOverride(RouteGroupBuilder group, string kind, string setName, string removeName, string setSummary, string removeSummary)
    {
        group.MapPut("/{address}/" + kind, (string address, CallerMailbox caller, ContactOverrideStore store, ContactScoreCache scores, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(address, kind, set: true, caller, store, scores, time, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName(setName)
            .WithSummary(setSummary);
        group.MapDelete("/{address}/" + kind, (string address, CallerMailbox caller, ContactOverrideStore store, ContactScoreCache scores, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(address, kind, set: false, caller, store, scores, time, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName(removeName)
            .WithSummary(removeSummary + " Answers 204 whether or not it was set.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        string address, string kind, bool set, CallerMailbox caller, ContactOverrideStore store, ContactScoreCache scores, TimeProvider time, CancellationToken ct)
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

        // Setting one on your own address is refused; removing one is not, so an override stored before
        // the rule held (or through another route) can always be undone.
        if (set && IsOwn(mailbox, normalized))
        {
            return NetworkApiProblems.OwnAddress();
        }

        // Idempotent both ways: the add-in's toggle may repeat a call whose answer it lost.
        var changed = set
            ? await SetAsync(store, mailbox.Id, normalized, kind, time, ct).ConfigureAwait(false)
            : await store.RemoveAsync(mailbox.Id, normalized, kind, string.Empty, ct).ConfigureAwait(false);
        if (changed)
        {
            scores.Invalidate(mailbox.Id);
        }

        return TypedResults.NoContent();
    }

    private static async Task<bool> SetAsync(ContactOverrideStore store, string mailboxId, string address, string kind, TimeProvider time, CancellationToken ct)
    {
        await store.SetAsync(new ContactOverrideRow { MailboxId = mailboxId, Address = address, Kind = kind, CreatedMs = time.GetUtcNow().ToUnixTimeMilliseconds() }, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>One of the owner's addresses, or a look-alike of one (another script's letters in place of Latin ones).</summary>
    internal static bool IsOwn(MailboxRow mailbox, string address)
    {
        var identity = mailbox.Identity();
        return identity.IsOwn(address) || identity.IsLookAlikeOfOwn(address);
    }
}
