using System.Diagnostics;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage.Coordination;

namespace NetworkSync.App.Tests.Coordination;

/// <summary>
/// Graph's per-mailbox limits hold across instances: a 429's Retry-After holds the other instance back,
/// the request budget per window is shared, and at most 4 requests are in flight whichever instance sends.
/// </summary>
public sealed class SharedGraphBudgetTests
{
    [Fact]
    public async Task A_429_seen_by_instance_A_delays_instance_B_next_request_to_that_mailbox()
    {
        await using var pair = await TwoInstances.StartAsync();
        var owner = pair.Graph.Owner;
        pair.Graph.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = "3", Mailbox = owner, Method = "GET", Times = 1 });

        var a = InboxAsync(pair.A, owner, CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => await pair.B.Get<GraphBudgetStore>().ThrottledUntilAsync(owner, CancellationToken.None) > 0);
        var seen = Stopwatch.StartNew();
        await InboxAsync(pair.B, owner, CancellationToken.None);
        await a;

        Assert.True(seen.Elapsed > TimeSpan.FromSeconds(2), $"instance B sent after {seen.Elapsed.TotalSeconds:0.00} s, inside A's Retry-After of 3 s");
        Assert.Equal(1, pair.Graph.Emulator.Requests.Snapshot().Count(r => r.Status == 429));
    }

    [Fact]
    public async Task The_request_budget_of_a_window_is_shared_by_two_instances()
    {
        await using var pair = await TwoInstances.StartAsync(options =>
        {
            options.GraphRequestBudget = 20;
            options.GraphBudgetWindowSeconds = 600;
            options.GraphBudgetBlock = 5;
        });
        var owner = pair.Graph.Owner;
        using var stop = new CancellationTokenSource();
        var sends = Enumerable.Range(0, 30).Select(i => InboxAsync(i % 2 == 0 ? pair.A : pair.B, owner, stop.Token)).ToList();

        await Eventually.WaitUntilAsync(() => pair.Graph.Emulator.Requests.Count(mailbox: owner) >= 20);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var sent = pair.Graph.Emulator.Requests.Count(mailbox: owner);
        var waiting = sends.Count(s => !s.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(sends));

        Assert.Equal(20, sent);
        Assert.Equal(10, waiting);
    }

    [Fact]
    public async Task At_most_four_requests_are_in_flight_for_a_mailbox_across_two_instances()
    {
        await using var pair = await TwoInstances.StartAsync();
        var owner = pair.Graph.Owner;
        pair.Graph.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(300), Mailbox = owner, Method = "GET", Times = 100 });
        pair.Graph.Emulator.Requests.Clear();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => InboxAsync(i % 2 == 0 ? pair.A : pair.B, owner, CancellationToken.None)));

        var peak = pair.Graph.Emulator.Requests.MaxConcurrency(owner);
        Assert.InRange(peak, 3, 4);
        Assert.DoesNotContain(pair.Graph.Emulator.Requests.Snapshot(), r => r.Status == 429);
    }

    private static async Task InboxAsync(TwoInstances.Instance instance, string owner, CancellationToken cancellationToken) =>
        await instance.Coordinator.Connection.Client.Users[owner].MailFolders["inbox"].GetAsync(cancellationToken: cancellationToken);
}
