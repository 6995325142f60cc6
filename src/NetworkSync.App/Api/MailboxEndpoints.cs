using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.Notifications;
using NetworkSync.Storage;

namespace NetworkSync.App.Api;

/// <summary>/api/mailboxes: the synced mailboxes, their sync status and their contacts.</summary>
public static class MailboxEndpoints
{
    public static void MapMailboxes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailboxes").WithTags("Mailboxes");

        group.MapGet("/", async (MailboxStore mailboxes, MissingPermissions missing, CancellationToken ct) =>
        {
            var rows = await mailboxes.ListMailboxesAsync(ct).ConfigureAwait(false);
            return TypedResults.Ok(rows.Select(m => new MailboxView(m.Id, m.Mail, m.DisplayName,
                MailboxHealth.From(m, HealthEndpoints.NullIfEmpty(missing.For(m.Id))))).ToList());
        })
        .WithName("ListMailboxes");

        group.MapGet("/{mailbox}/contacts", async Task<Results<Ok<List<ContactView>>, ProblemHttpResult>> (
            string mailbox,
            bool? all,
            MailboxStore mailboxes,
            ContactScoreCache contacts,
            TimeProvider time,
            CancellationToken ct) =>
        {
            var row = await mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
            if (row is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown mailbox", detail: "No synced mailbox has that id or address.");
            }

            var list = await contacts.GetAsync(row, time.GetUtcNow(), all ?? false, ct).ConfigureAwait(false);
            return TypedResults.Ok(list.Select(ContactView.From).ToList());
        })
        .WithName("ListContacts");

        group.MapGet("/{mailbox}/merge-suggestions", async Task<Results<Ok<List<MergeSuggestionView>>, ProblemHttpResult>> (
            string mailbox,
            MailboxStore mailboxes,
            NetworkKnowledgeService knowledge,
            TimeProvider time,
            CancellationToken ct) =>
        {
            var row = await mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
            return row is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown mailbox", detail: "No synced mailbox has that id or address.")
                : TypedResults.Ok((await knowledge.SuggestionsAsync(row, time.GetUtcNow(), ct).ConfigureAwait(false)).ToList());
        })
        .WithName("ListMergeSuggestions");

        group.MapGet("/{mailbox}/network-knowledge", async Task<Results<Ok<NetworkKnowledgeView>, ProblemHttpResult>> (
            string mailbox,
            MailboxStore mailboxes,
            NetworkKnowledgeService knowledge,
            TimeProvider time,
            CancellationToken ct) =>
        {
            var row = await mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
            return row is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown mailbox", detail: "No synced mailbox has that id or address.")
                : TypedResults.Ok(await knowledge.GetAsync(row, time.GetUtcNow(), refresh: false, ct).ConfigureAwait(false));
        })
        .WithName("GetNetworkKnowledge");
    }
}
