using System.Net;

namespace NetworkSync.Sync.Http;

/// <summary>
/// Asks the mailbox's <see cref="IMailboxGraphBudget"/> before each request and tells it of each 429, so the
/// budget holds across the instances sharing a database. It sits inside the retry handler (a retry asks
/// again) and behind the process's concurrency cap (so at most that many of this process's requests wait
/// here). The answer's body is read before the slot is given back: a request is in flight until then.
/// </summary>
public sealed class SharedBudgetHandler(IMailboxGraphBudget budget, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var mailbox = MailboxConcurrencyHandler.MailboxKey(request.RequestUri);
        if (mailbox is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using (await budget.AcquireAsync(mailbox, cancellationToken).ConfigureAwait(false))
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && RetryAfterParser.From(response, time.GetUtcNow()) is { } wait)
                {
                    await budget.ThrottledAsync(mailbox, time.GetUtcNow() + wait, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
    }
}
