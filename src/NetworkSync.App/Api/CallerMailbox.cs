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
/// Deleting a mailbox's data drops them (<see cref="Forget"/>).
/// </summary>
public sealed class CallerMailbox(MailboxStore mailboxes, IConfiguration configuration, IHttpContextAccessor http, EntraOptions entra)
{
    private const long KeepMilliseconds = 5_000;
    private const string LocalCaller = "";
    private readonly ConcurrentDictionary<string, (MailboxRow Mailbox, long At)> cached = new(StringComparer.Ordinal);
    private long forgotten;

    public static ProblemHttpResultFactory NoMailbox => new(
        StatusCodes.Status503ServiceUnavailable,
        "No mailbox yet",
        "No synced mailbox belongs to you yet: the first sync may not have finished (see /healthz), or this NetworkSync does not sync your mailbox.");

    public static ProblemHttpResultFactory NoCaller => new(
        StatusCodes.Status403Forbidden,
        "No signed-in user",
        "The request carries no user object id (oid): there is no one to answer for.");

    public async Task<MailboxRow?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!TryGetCallerUserId(out var userId))
        {
            return null;
        }

        var caller = userId ?? LocalCaller;

        if (cached.TryGetValue(caller, out var hit) && Environment.TickCount64 - hit.At < KeepMilliseconds)
        {
            return hit.Mailbox;
        }

        var before = Interlocked.Read(ref forgotten);
        var mailbox = await FindAsync(caller, cancellationToken).ConfigureAwait(false);

        // "No mailbox" is not kept: the first sync may store one any moment. Nor is an answer read while a
        // mailbox was being forgotten: it may be the mailbox just deleted.
        if (mailbox is null || Interlocked.Read(ref forgotten) != before)
        {
            cached.TryRemove(caller, out _);
        }
        else
        {
            cached[caller] = (mailbox, Environment.TickCount64);
        }

        return mailbox;
    }

    /// <summary>
    /// The caller's Graph user id: with Entra ID sign-in, the token's <c>oid</c>; in local mode null, the
    /// caller being whoever runs this NetworkSync. False when an Entra request carries no signed-in user
    /// (authorization already required an oid, so only a misconfigured endpoint sees that).
    /// </summary>
    public bool TryGetCallerUserId(out string? userId)
    {
        userId = null;
        if (!entra.IsEnabled)
        {
            return true;
        }

        if (http.HttpContext?.User is not { } user || CallerClaims.ObjectId(user) is not { } objectId)
        {
            return false;
        }

        userId = objectId;
        return true;
    }

    /// <summary>
    /// Drops every kept answer naming the mailbox, so the next call looks it up again: after its data was
    /// deleted, no caller may be answered with it for the seconds the answer would otherwise be kept.
    /// </summary>
    public void Forget(string mailboxId)
    {
        Interlocked.Increment(ref forgotten);
        foreach (var entry in cached)
        {
            if (string.Equals(entry.Value.Mailbox.Id, mailboxId, StringComparison.Ordinal))
            {
                cached.TryRemove(entry);
            }
        }
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
