using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Api;

/// <summary>
/// The caller of an endpoint behind <see cref="CallerMailboxFilter"/>, as a handler parameter: their
/// mailbox, resolved once by the filter. Bound from the request, never from anything the caller sends.
/// </summary>
public sealed class Caller
{
    private readonly HttpContext http;

    private Caller(HttpContext http) => this.http = http;

    /// <summary>The caller's mailbox; only an endpoint mapped without the filter finds none, which is a bug.</summary>
    public MailboxRow Mailbox => CallerMailboxFilter.Resolved(http)
        ?? throw new InvalidOperationException("The endpoint reads the caller's mailbox without RequireCallerMailbox().");

    /// <summary>Minimal APIs' binding hook. The filter runs after binding, so the mailbox is read when asked for.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(new Caller(context));
}
