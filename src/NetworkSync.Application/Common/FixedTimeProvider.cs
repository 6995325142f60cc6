namespace NetworkSync.Application.Common;

/// <summary>
/// The clock that --as-of sets: "now" is frozen for decay, flags and follow-ups, while timers (retry
/// waits, schedules) still run in real time.
/// </summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
