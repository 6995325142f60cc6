namespace NetworkSync.Storage.Coordination;

/// <summary>
/// Coordination rows keep wall-clock Unix milliseconds, comparable between instances (their clocks are
/// assumed NTP-synchronised; a lease or a throttle is off by as much as two clocks disagree).
/// </summary>
public static class WallClockMilliseconds
{
    public static long Ms(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToUnixTimeMilliseconds();
    }
}
