namespace NetworkSync.GraphEmulator;

/// <summary>Every request the emulator answered, plus the peak number of concurrent requests per mailbox.</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RequestLogEntry> _entries = [];
    private readonly Dictionary<string, int> _peakConcurrency = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, string?> _resolveMailbox;
    private DateTimeOffset _clearedAt = DateTimeOffset.MinValue;

    internal RequestLog(Func<string, string?> resolveMailbox) => _resolveMailbox = resolveMailbox;

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Number of logged requests, optionally only those to one endpoint and/or mailbox (id, UPN or mail).</summary>
    public int Count(EndpointKind? endpoint = null, string? mailbox = null)
    {
        var mailboxId = mailbox is null ? null : _resolveMailbox(mailbox) ?? mailbox;
        lock (_gate)
        {
            return _entries.Count(e =>
                (endpoint is null || e.Endpoint == endpoint)
                && (mailboxId is null || string.Equals(e.Mailbox, mailboxId, StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>
    /// Forgets every request that started before now. An entry is written when its response has been
    /// sent, which can be just after the client saw it, so a late entry from before the clear is dropped too.
    /// </summary>
    public void Clear()
    {
        lock (_gate)
        {
            _clearedAt = DateTimeOffset.UtcNow;
            _entries.Clear();
            _peakConcurrency.Clear();
        }
    }

    /// <summary>
    /// The most requests for this mailbox that were in flight at once since the last <see cref="Clear"/>,
    /// counting those rejected with MailboxConcurrency (they were in flight too).
    /// </summary>
    public int MaxConcurrency(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var mailboxId = _resolveMailbox(mailbox) ?? mailbox;
        lock (_gate)
        {
            return _peakConcurrency.GetValueOrDefault(mailboxId);
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            if (entry.At < _clearedAt)
            {
                return;
            }

            _entries.Add(entry);
        }
    }

    internal void NoteConcurrency(string mailboxId, int inFlight)
    {
        lock (_gate)
        {
            if (inFlight > _peakConcurrency.GetValueOrDefault(mailboxId))
            {
                _peakConcurrency[mailboxId] = inFlight;
            }
        }
    }
}
