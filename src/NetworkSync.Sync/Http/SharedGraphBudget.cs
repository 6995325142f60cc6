using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NetworkSync.Storage.Coordination;

namespace NetworkSync.Sync.Http;

/// <summary>
/// Each mailbox's Graph budget across every instance on the database, at a per-request cost kept in memory:
/// <list type="bullet">
/// <item>a 429's Retry-After is written to the mailbox's "throttled until"; every instance reads it before
/// its requests (at most once per <see cref="CoordinationOptions.ThrottlePollMilliseconds"/>) and waits it out;</item>
/// <item>the requests per window (<see cref="CoordinationOptions.GraphRequestBudget"/> per
/// <see cref="CoordinationOptions.GraphBudgetWindowSeconds"/>) are reserved from the database in blocks of
/// <see cref="CoordinationOptions.GraphBudgetBlock"/>, spent here one by one, and what is left given back when
/// the mailbox goes idle;</item>
/// <item>the in-flight slots (Graph allows 4 per mailbox) are rows an instance holds while it sends, taken
/// one at a time as its concurrency grows, renewed every third of their lease and freed when it goes idle;
/// an instance that dies loses them at expiry.</item>
/// </list>
/// </summary>
public sealed partial class SharedGraphBudget : IMailboxGraphBudget, IDisposable
{
    private static readonly TimeSpan SlotPoll = TimeSpan.FromMilliseconds(25);
    private readonly GraphBudgetStore store;
    private readonly CoordinationOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<SharedGraphBudget> logger;
    private readonly int slots;
    private readonly TimeSpan maxWait;
    private readonly ConcurrentDictionary<string, MailboxBudget> mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public SharedGraphBudget(GraphBudgetStore store, CoordinationOptions options, Configuration.GraphOptions graph, TimeProvider time, ILogger<SharedGraphBudget> logger)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.store = store;
        this.options = options;
        this.time = time;
        this.logger = logger;
        slots = graph.MaxConcurrentRequestsPerMailbox;
        maxWait = TimeSpan.FromSeconds(graph.MaxRetryDelaySeconds);
    }

    private long SlotLeaseMs => options.GraphSlotLeaseSeconds * 1000L;

    public async ValueTask<IDisposable> AcquireAsync(string mailbox, CancellationToken cancellationToken)
    {
        var budget = mailboxes.GetOrAdd(mailbox, static _ => new MailboxBudget());
        while (true)
        {
            await WaitOutThrottleAsync(mailbox, budget, cancellationToken).ConfigureAwait(false);
            if (!budget.HasRequestsLeft(time.Ms()))
            {
                await ReserveAsync(mailbox, budget, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (budget.TryStart(time.Ms()))
            {
                EnsureKeeper(mailbox, budget);
                return new Release(budget, time);
            }

            if (!(budget.SlotsHeld < slots && await ClaimSlotAsync(mailbox, budget, cancellationToken).ConfigureAwait(false)))
            {
                // Every slot is in use, here or by another instance: one frees within a request's time.
                await Task.Delay(SlotPoll, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task ThrottledAsync(string mailbox, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ms = until.ToUnixTimeMilliseconds();
        mailboxes.GetOrAdd(mailbox, static _ => new MailboxBudget()).SeenThrottle(ms, time.GetTimestamp());
        await store.ThrottleAsync(mailbox, ms, cancellationToken).ConfigureAwait(false);
        LogThrottled(logger, mailbox, until);
    }

    public void Dispose()
    {
        foreach (var budget in mailboxes.Values)
        {
            budget.StopKeeper();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph throttled mailbox {Mailbox} until {Until}: every instance holds back")]
    private static partial void LogThrottled(ILogger logger, string mailbox, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} is held back by a throttle another request was given; waiting {WaitSeconds:0.###} s")]
    private static partial void LogWaitingOutThrottle(ILogger logger, string mailbox, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} spent its Graph request budget for the window; waiting {WaitSeconds:0.###} s for the next")]
    private static partial void LogBudgetSpent(ILogger logger, string mailbox, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the Graph slots of mailbox {Mailbox} failed ({Error}); trying again at the next beat")]
    private static partial void LogKeeperFailed(ILogger logger, string mailbox, string error);

    private async Task WaitOutThrottleAsync(string mailbox, MailboxBudget budget, CancellationToken cancellationToken)
    {
        if (budget.ThrottleDue(time, TimeSpan.FromMilliseconds(options.ThrottlePollMilliseconds)))
        {
            budget.SeenThrottle(await store.ThrottledUntilAsync(mailbox, cancellationToken).ConfigureAwait(false), time.GetTimestamp());
        }

        // Waited once per throttle seen, for what is left of it: a clock that does not move (a test's) cannot
        // hold requests back for ever, and a later 429 (a later "until") is waited out again.
        if (budget.ThrottleToWaitOut() is not { } until)
        {
            return;
        }

        var wait = TimeSpan.FromMilliseconds(until - time.Ms());
        if (wait > TimeSpan.Zero)
        {
            wait = wait > maxWait ? maxWait : wait;
            LogWaitingOutThrottle(logger, mailbox, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        budget.WaitedOut(until);
    }

    private async Task ReserveAsync(string mailbox, MailboxBudget budget, CancellationToken cancellationToken)
    {
        await budget.Claiming.WaitAsync(cancellationToken).ConfigureAwait(false);
        BudgetGrant grant;
        try
        {
            if (budget.HasRequestsLeft(time.Ms()))
            {
                return;
            }

            grant = await store.ReserveAsync(mailbox, options.GraphBudgetBlock, options.GraphRequestBudget, options.GraphBudgetWindowSeconds * 1000L, cancellationToken).ConfigureAwait(false);
            budget.Reserved(grant);
        }
        finally
        {
            budget.Claiming.Release();
        }

        if (grant.Granted == 0)
        {
            // Polled rather than slept in one go: another instance going idle gives back what it did not use.
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, grant.WindowEndsMs - time.Ms()));
            LogBudgetSpent(logger, mailbox, wait.TotalSeconds);
            var poll = TimeSpan.FromSeconds(1);
            await Task.Delay(wait < poll ? wait : poll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ClaimSlotAsync(string mailbox, MailboxBudget budget, CancellationToken cancellationToken)
    {
        await budget.Claiming.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (budget.SlotFree)
            {
                return true;
            }

            if (budget.SlotsHeld >= slots || !await store.TryClaimSlotAsync(mailbox, slots, SlotLeaseMs, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            budget.SlotClaimed();
            return true;
        }
        finally
        {
            budget.Claiming.Release();
        }
    }

    private void EnsureKeeper(string mailbox, MailboxBudget budget)
    {
        if (budget.Keeper is null)
        {
            var beat = TimeSpan.FromMilliseconds(SlotLeaseMs / 3.0);
            budget.EnsureKeeper(() => time.CreateTimer(_ => _ = KeepAsync(mailbox, budget, beat), null, beat, beat));
        }
    }

    // Renews the slots while the mailbox is busy; once it has been idle a whole beat, frees them and gives
    // back the unspent reservation, so another instance need not wait for them to expire.
    private async Task KeepAsync(string mailbox, MailboxBudget budget, TimeSpan beat)
    {
        if (!await budget.Claiming.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if (budget.TryReleaseAll(time, beat) is var (windowStart, unused))
            {
                budget.StopKeeper();
                await store.ReleaseSlotsAsync(mailbox, CancellationToken.None).ConfigureAwait(false);
                await store.ReturnAsync(mailbox, windowStart, unused, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                budget.Renewed(await store.RenewSlotsAsync(mailbox, SlotLeaseMs, CancellationToken.None).ConfigureAwait(false));
            }
        }
        catch (Exception ex)
        {
            LogKeeperFailed(logger, mailbox, ex.GetType().Name);
        }
        finally
        {
            budget.Claiming.Release();
        }
    }

    private sealed class Release(MailboxBudget budget, TimeProvider time) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                budget.Finished(time.GetTimestamp());
            }
        }
    }
}
