using System.Collections.Concurrent;

namespace NetworkSync.Sync.Http;

/// <summary>
/// Keeps at most N requests in flight per mailbox (Graph answers the fifth concurrent one with
/// 429 MailboxConcurrency). It sits inside the retry handler so a retry waits for a slot again.
/// </summary>
public sealed class MailboxConcurrencyHandler(int limit) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> slots = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var mailbox = MailboxKey(request.RequestUri);
        if (mailbox is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var slot = slots.GetOrAdd(mailbox, _ => new SemaphoreSlim(limit, limit));
        await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>The "{id}" of ".../users/{id}/..." or "me"; null for tenant-wide requests.</summary>
    public static string? MailboxKey(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Equals("me", StringComparison.OrdinalIgnoreCase))
            {
                return "me";
            }

            if (segments[i].Equals("users", StringComparison.OrdinalIgnoreCase) && i + 1 < segments.Length)
            {
                return Uri.UnescapeDataString(segments[i + 1]);
            }
        }

        return null;
    }
}
