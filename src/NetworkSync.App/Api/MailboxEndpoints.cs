using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Addresses;

namespace NetworkSync.App.Api;

/// <summary>/api/mailboxes: the synced mailboxes, their sync status and their contacts.</summary>
public static class MailboxEndpoints
{
    public static void MapMailboxes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailboxes").WithTags("Mailboxes");

        group.MapGet("/", ListMailboxes)
            .WithName("ListMailboxes")
            .WithSummary("The synced mailboxes with their last sync and the Graph permissions each was refused.");
        group.MapGet("/{mailbox}/contacts", ListContacts)
            .WithName("ListContacts")
            .WithSummary("A mailbox's scored contacts, warmest first (automated ones too with ?all=true).");
        group.MapGet("/{mailbox}/intros", ListWarmPaths)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListWarmPaths")
            .WithSummary("Who in a mailbox's network can introduce its owner to ?to=, best first, as `networksync intros` prints them.");
        group.MapGet("/{mailbox}/merge-suggestions", ListMergeSuggestions)
            .WithName("ListMergeSuggestions")
            .WithSummary("A mailbox's same-name pairs with no evidence that they are one person, each with why.");
        group.MapGet("/{mailbox}/network-knowledge", GetNetworkKnowledge)
            .WithName("GetNetworkKnowledge")
            .WithSummary("How well the warmth model ranks whom the mailbox writes to next, beside three baselines; measured at most once a day.");
    }

    public static async Task<Ok<List<MailboxView>>> ListMailboxes([AsParameters] MailboxServices services, CancellationToken ct)
    {
        var rows = await services.Mailboxes.ListMailboxesAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(m => new MailboxView(m.Id, m.Mail, m.DisplayName,
            MailboxHealth.From(m, HealthEndpoints.NullIfEmpty(services.Missing.For(m.Id))))).ToList());
    }

    public static async Task<Results<Ok<List<ContactView>>, ProblemHttpResult>> ListContacts(string mailbox, bool? all, [AsParameters] MailboxServices services, CancellationToken ct)
    {
        var row = await services.Mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
        if (row is null)
        {
            return UnknownMailbox();
        }

        var list = await services.Contacts.GetAsync(row, services.Time.GetUtcNow(), all ?? false, ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(ContactView.From).ToList());
    }

    public static async Task<Results<Ok<List<MergeSuggestionView>>, ProblemHttpResult>> ListMergeSuggestions(string mailbox, [AsParameters] MailboxServices services, CancellationToken ct)
    {
        var row = await services.Mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
        return row is null
            ? UnknownMailbox()
            : TypedResults.Ok((await services.Knowledge.SuggestionsAsync(row, services.Time.GetUtcNow(), ct).ConfigureAwait(false)).ToList());
    }

    public static async Task<Results<Ok<NetworkKnowledgeView>, ProblemHttpResult>> GetNetworkKnowledge(string mailbox, [AsParameters] MailboxServices services, CancellationToken ct)
    {
        var row = await services.Mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
        return row is null
            ? UnknownMailbox()
            : TypedResults.Ok(await services.Knowledge.GetAsync(row, services.Time.GetUtcNow(), refresh: false, ct).ConfigureAwait(false));
    }

    public static async Task<Results<Ok<List<WarmPathView>>, ProblemHttpResult>> ListWarmPaths(string mailbox, string? to, [AsParameters] MailboxServices services, CancellationToken ct)
    {
        if (EmailAddressNormalizer.Normalize(to) is not { } target || !target.Contains('@', StringComparison.Ordinal))
        {
            return NetworkApiProblems.NotAnAddress(to);
        }

        var row = await services.Mailboxes.FindMailboxAsync(mailbox, ct).ConfigureAwait(false);
        if (row is null)
        {
            return UnknownMailbox();
        }

        var paths = await services.Introductions.FindAsync(row, target, services.Time.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.Ok(paths.Select(WarmPathView.From).ToList());
    }

    private static ProblemHttpResult UnknownMailbox() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown mailbox", detail: "No synced mailbox has that id or address.");
}
