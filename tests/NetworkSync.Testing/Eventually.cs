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

    /// <summary>
    /// Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="timeout"/> (default 60 s)
    /// passes, and says whether it held: for a test that asserts with its own message, or waits on a whole service.
    /// </summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition().ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return await condition().ConfigureAwait(false);
    }
}
