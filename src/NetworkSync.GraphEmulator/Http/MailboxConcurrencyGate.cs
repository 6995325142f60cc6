using System.Collections.Concurrent;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// Counts in-flight requests per mailbox. Outlook allows a few concurrent requests per mailbox and app
/// (4, learn.microsoft.com/graph/throttling-limits#outlook-service-limits); one more is rejected.
/// Every arrival is counted, even one that will be rejected, so the log's peak shows what the client attempted.
/// </summary>
internal sealed class MailboxConcurrencyGate(int limit, RequestLog log)
{
    private readonly ConcurrentDictionary<string, StrongBox> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Enters the mailbox; false when over the limit. Always pair with <see cref="Exit"/>.</summary>
    public bool TryEnter(string mailboxId)
    {
        var counter = _inFlight.GetOrAdd(mailboxId, static _ => new StrongBox());
        var now = Interlocked.Increment(ref counter.Value);
        log.NoteConcurrency(mailboxId, now);
        return now <= limit;
    }

    public void Exit(string mailboxId) => Interlocked.Decrement(ref _inFlight[mailboxId].Value);

    private sealed class StrongBox
    {
#pragma warning disable SA1401, CA1051 // A field, so Interlocked can update it in place.
        public int Value;
#pragma warning restore SA1401, CA1051
    }
}
