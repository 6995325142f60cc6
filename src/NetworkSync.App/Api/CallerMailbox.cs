using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// Whose network an API call is about. In local mode that is the one person running it: the mailbox
/// named by configuration ("Local:Mailbox"), else the only (first) synced mailbox. The mailbox is never
/// taken from the request, so no parameter can reach someone else's data. The answer is kept for a few
/// seconds: looking it up costs a query, which was most of a context lookup's time.
/// </summary>
public sealed class CallerMailbox(MailboxStore mailboxes, IConfiguration configuration)
{
    private const long KeepMilliseconds = 5_000;
    private (MailboxRow Mailbox, long At)? cached;

    public async Task<MailboxRow?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (cached is { } hit && Environment.TickCount64 - hit.At < KeepMilliseconds)
        {
            return hit.Mailbox;
        }

        MailboxRow? mailbox;
        if (configuration["Local:Mailbox"] is { Length: > 0 } configured)
        {
            mailbox = await mailboxes.FindMailboxAsync(configured, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var all = await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
            mailbox = all.Count > 0 ? all[0] : null;
        }

        // "No mailbox yet" is not kept: the first sync may store one any moment.
        cached = mailbox is null ? null : (mailbox, Environment.TickCount64);
        return mailbox;
    }

    public static ProblemHttpResultFactory NoMailbox => new(StatusCodes.Status503ServiceUnavailable, "No mailbox yet", "No mailbox has been synced yet; try again once the first sync has finished (see /healthz).");
}
