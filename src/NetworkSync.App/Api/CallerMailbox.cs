using System.Collections.Concurrent;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// Whose network an API call is about; the mailbox is never taken from the request, so no parameter can
/// reach someone else's data.
/// <list type="bullet">
/// <item>Entra ID sign-in: the mailbox whose Graph user id is the token's <c>oid</c> (a user's Graph id is
/// their Entra object id); a caller whose mailbox is not synced here gets none.</item>
/// <item>Local mode: the one person running it: the mailbox named by "Local:Mailbox", else the first synced.</item>
/// </list>
/// Answers are kept for a few seconds: looking one up costs a query, which was most of a context lookup's time.
/// </summary>
public sealed class CallerMailbox(MailboxStore mailboxes, IConfiguration configuration, IHttpContextAccessor http, EntraOptions entra)
{
    private const long KeepMilliseconds = 5_000;
    private const string LocalCaller = "";
    private readonly ConcurrentDictionary<string, (MailboxRow Mailbox, long At)> cached = new(StringComparer.Ordinal);

    public static ProblemHttpResultFactory NoMailbox => new(
        StatusCodes.Status503ServiceUnavailable,
        "No mailbox yet",
        "No synced mailbox belongs to you yet: the first sync may not have finished (see /healthz), or this NetworkSync does not sync your mailbox.");

    public async Task<MailboxRow?> ResolveAsync(CancellationToken cancellationToken)
    {
        string caller;
        if (entra.IsEnabled)
        {
            // Authorization already required an oid; without a signed-in user there is no one to answer for.
            if (http.HttpContext?.User is not { } user || CallerClaims.ObjectId(user) is not { } objectId)
            {
                return null;
            }

            caller = objectId;
        }
        else
        {
            caller = LocalCaller;
        }

        if (cached.TryGetValue(caller, out var hit) && Environment.TickCount64 - hit.At < KeepMilliseconds)
        {
            return hit.Mailbox;
        }

        var mailbox = await FindAsync(caller, cancellationToken).ConfigureAwait(false);

        // "No mailbox" is not kept: the first sync may store one any moment.
        if (mailbox is null)
        {
            cached.TryRemove(caller, out _);
        }
        else
        {
            cached[caller] = (mailbox, Environment.TickCount64);
        }

        return mailbox;
    }

    private async Task<MailboxRow?> FindAsync(string caller, CancellationToken cancellationToken)
    {
        if (caller != LocalCaller)
        {
            var byId = await mailboxes.FindMailboxAsync(caller, cancellationToken).ConfigureAwait(false);
            return byId is not null && string.Equals(byId.Id, caller, StringComparison.OrdinalIgnoreCase) ? byId : null;
        }

        if (configuration["Local:Mailbox"] is { Length: > 0 } configured)
        {
            return await mailboxes.FindMailboxAsync(configured, cancellationToken).ConfigureAwait(false);
        }

        var all = await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
        return all.Count > 0 ? all[0] : null;
    }
}
