using Xunit;

namespace NetworkSync.Testing;

/// <summary>
/// Waits for what a test started in the background (a queued job, a request in flight) to be seen, then
/// asserts it. Polls instead of sleeping a fixed time, so a fast machine does not wait and a slow one
/// does not fail.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await WaitUntilAsync(() => Task.FromResult(condition())).ConfigureAwait(false);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition().ConfigureAwait(false) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(Poll).ConfigureAwait(false);
        }

        Assert.True(await condition().ConfigureAwait(false), "timed out waiting");
    }
}
