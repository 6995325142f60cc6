using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// Whose network an API call is about. In local mode that is the one person running it: the mailbox
/// named by configuration ("Local:Mailbox"), else the only (first) synced mailbox. The mailbox is never
/// taken from the request, so no parameter can reach someone else's data.
/// </summary>
public sealed class CallerMailbox(MailboxStore mailboxes, IConfiguration configuration)
{
    public async Task<MailboxRow?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (configuration["Local:Mailbox"] is { Length: > 0 } configured)
        {
            return await mailboxes.FindMailboxAsync(configured, cancellationToken).ConfigureAwait(false);
        }

        var all = await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
        return all.Count > 0 ? all[0] : null;
    }

    public static ProblemHttpResultFactory NoMailbox => new(StatusCodes.Status503ServiceUnavailable, "No mailbox yet", "No mailbox has been synced yet; try again once the first sync has finished (see /healthz).");
}
