namespace NetworkSync.App.Tests.FollowUps;

/// <summary>A clock the test moves by hand; timers still run in real time.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
