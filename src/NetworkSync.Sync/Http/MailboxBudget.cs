using NetworkSync.Storage.Coordination;

namespace NetworkSync.Sync.Http;

/// <summary>
/// This process's share of one mailbox's Graph budget (see <see cref="SharedGraphBudget"/>): the slots and
/// requests it holds, its requests in flight, and the throttle it last saw.
/// </summary>
internal sealed class MailboxBudget
{
    private readonly Lock gate = new();
    private int slotsHeld;
    private int inFlight;
    private int requestsLeft;
    private long windowStartMs;
    private long windowEndsMs;
    private long lastUsed;
    private long throttledUntilMs;
    private long waitedOutUntilMs;
    private long throttleReadAt;
    private bool throttleEverRead;

    /// <summary>One claim (slot or reservation) or keeper beat at a time per mailbox in this process.</summary>
    public SemaphoreSlim Claiming { get; } = new(1, 1);

    public ITimer? Keeper { get; private set; }

    public void EnsureKeeper(Func<ITimer> start)
    {
        lock (gate)
        {
            Keeper ??= start();
        }
    }

    public void StopKeeper()
    {
        lock (gate)
        {
            Keeper?.Dispose();
            Keeper = null;
        }
    }

    public int SlotsHeld
    {
        get
        {
            lock (gate)
            {
                return slotsHeld;
            }
        }
    }

    public bool SlotFree
    {
        get
        {
            lock (gate)
            {
                return inFlight < slotsHeld;
            }
        }
    }

    public bool HasRequestsLeft(long nowMs)
    {
        lock (gate)
        {
            return requestsLeft > 0 && nowMs < windowEndsMs;
        }
    }

    /// <summary>Starts a request if a held slot is free and the reservation has a request left.</summary>
    public bool TryStart(long nowMs)
    {
        lock (gate)
        {
            if (inFlight >= slotsHeld || requestsLeft <= 0 || nowMs >= windowEndsMs)
            {
                return false;
            }

            inFlight++;
            requestsLeft--;
            return true;
        }
    }

    public void Finished(long timestamp)
    {
        lock (gate)
        {
            inFlight--;
            lastUsed = timestamp;
        }
    }

    public void SlotClaimed()
    {
        lock (gate)
        {
            slotsHeld++;
        }
    }

    /// <summary>After a renewal: an expired slot another instance took is no longer this one's.</summary>
    public void Renewed(int held)
    {
        lock (gate)
        {
            slotsHeld = held;
        }
    }

    public void Reserved(BudgetGrant grant)
    {
        lock (gate)
        {
            // A new window makes what was left of the old one void (it counted against the old one).
            requestsLeft = grant.WindowStartMs == windowStartMs ? requestsLeft + grant.Granted : grant.Granted;
            windowStartMs = grant.WindowStartMs;
            windowEndsMs = grant.WindowEndsMs;
        }
    }

    /// <summary>
    /// When nothing is in flight and nothing was for <paramref name="idle"/>: gives up every slot and the
    /// unspent reservation, and returns the latter to give back; null when the mailbox is still busy. Checked
    /// and done under one lock, so no request starts on a slot being given up.
    /// </summary>
    public (long WindowStartMs, int Unused)? TryReleaseAll(TimeProvider time, TimeSpan idle)
    {
        lock (gate)
        {
            if (inFlight > 0 || time.GetElapsedTime(lastUsed) < idle)
            {
                return null;
            }

            var unused = (windowStartMs, requestsLeft);
            slotsHeld = 0;
            requestsLeft = 0;
            return unused;
        }
    }

    public bool ThrottleDue(TimeProvider time, TimeSpan poll)
    {
        lock (gate)
        {
            return !throttleEverRead || time.GetElapsedTime(throttleReadAt) >= poll;
        }
    }

    public void SeenThrottle(long untilMs, long timestamp)
    {
        lock (gate)
        {
            throttledUntilMs = Math.Max(throttledUntilMs, untilMs);
            throttleReadAt = timestamp;
            throttleEverRead = true;
        }
    }

    /// <summary>The throttle's end when one not yet waited out was seen.</summary>
    public long? ThrottleToWaitOut()
    {
        lock (gate)
        {
            return throttledUntilMs > waitedOutUntilMs ? throttledUntilMs : null;
        }
    }

    public void WaitedOut(long untilMs)
    {
        lock (gate)
        {
            waitedOutUntilMs = Math.Max(waitedOutUntilMs, untilMs);
        }
    }
}
