using System.Collections.Concurrent;
using System.Text.Json;
using NetworkSync.Application.FollowUps;
using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Application.Context;

/// <summary>
/// Each mailbox's open and snoozed follow-ups for the context answers, read from the database at most
/// once per <see cref="MaxAge"/> (wall-clock) instead of once per request: the task pane asks for context
/// on every item the user opens, and a query per request would cost more than the rest of the answer.
/// Follow-ups change through the rule runner and the user's actions, which answer with the changed
/// follow-up themselves, so a context lagging by a second is harmless. While one request re-reads,
/// concurrent ones answer with the previous list. A re-read that finds nothing changed keeps the previous
/// <see cref="ActiveFollowUps"/> instance, so answers composed from it stay cached (see PersonContextService).
/// </summary>
public sealed class ActiveFollowUpCache(FollowUpQuery query)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <param name="asOf">The time snoozes are judged at (a snooze that ran out reads as open).</param>
    public async Task<ActiveFollowUps> GetAsync(string mailboxId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (entries.TryGetValue(mailboxId, out var entry) && entry.Fresh(now, asOf))
        {
            return entry.FollowUps;
        }

        var gate = gates.GetOrAdd(mailboxId, _ => new SemaphoreSlim(1, 1));
        if (entry is not null)
        {
            if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return entry.FollowUps;
            }
        }
        else
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (entries.TryGetValue(mailboxId, out entry) && entry.Fresh(Environment.TickCount64, asOf))
            {
                return entry.FollowUps;
            }

            var readAt = Environment.TickCount64;
            var views = await query.ListAsync(mailboxId, asOf, FollowUpFilter.Active, cancellationToken).ConfigureAwait(false);
            var fingerprint = JsonSerializer.SerializeToUtf8Bytes(views, FollowUpFingerprintJsonContext.Default.ListFollowUpView);
            var unchanged = entry is not null && entry.Fingerprint.AsSpan().SequenceEqual(fingerprint);
            var fresh = new Entry(readAt, asOf, unchanged ? entry!.FollowUps : new ActiveFollowUps(views), fingerprint);
            entries[mailboxId] = fresh;
            return fresh.FollowUps;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a mailbox's follow-ups, so the next answer reads them again.</summary>
    public void Invalidate(string mailboxId) => entries.TryRemove(mailboxId, out _);

    /// <param name="Fingerprint">The follow-ups as JSON, to tell a re-read that changed nothing.</param>
    private sealed record Entry(long ReadAtMs, DateTimeOffset AsOf, ActiveFollowUps FollowUps, byte[] Fingerprint)
    {
        public bool Fresh(long nowMs, DateTimeOffset asOf) => nowMs - ReadAtMs < MaxAge.TotalMilliseconds && (asOf - AsOf).Duration() < MaxAge;
    }
}
