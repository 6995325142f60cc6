using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// Resolves the caller's mailbox once per request, before any handler of the group runs: a caller with no
/// synced mailbox (or, signed in, no user id) gets <see cref="CallerMailbox.NoMailbox"/>, and the handlers
/// read the mailbox from <see cref="Caller"/>. Added with <see cref="CallerMailboxFilterExtensions.RequireCallerMailbox"/>.
/// </summary>
public sealed class CallerMailboxFilter(CallerMailbox callers) : IEndpointFilter
{
    internal static readonly object ItemKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var mailbox = await callers.ResolveAsync(http.RequestAborted).ConfigureAwait(false);
        if (mailbox is null)
        {
            return CallerMailbox.NoMailbox.Create();
        }

        http.Items[ItemKey] = mailbox;
        return await next(context).ConfigureAwait(false);
    }

    internal static MailboxRow? Resolved(HttpContext http) => http.Items.TryGetValue(ItemKey, out var mailbox) ? mailbox as MailboxRow : null;
}
