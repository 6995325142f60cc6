using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>
/// Delivers change notifications off the mutating thread: a mutation only queues (never blocks, never
/// fails); a background loop waits <see cref="GraphEmulatorOptions.NotificationBatchWindow"/> after the
/// first queued item, takes everything queued by then, and POSTs it per subscription in batches of at most
/// 100 (Graph's limit). Each subscription's POSTs go out in order, one after the other; a slow or failing
/// receiver delays only its own subscriptions.
/// </summary>
internal sealed class NotificationDispatcher(NotificationSender sender, TimeSpan batchWindow) : IAsyncDisposable
{
    /// <summary>Graph puts at most 100 notifications into one POST.</summary>
    public const int MaxBatch = 100;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = Task.Run(RunAsync);

    public void Enqueue(StoredSubscription subscription, JsonObject notification) =>
        _queue.Writer.TryWrite(new Pending(subscription, notification));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Task[] tails;
        lock (_gate)
        {
            tails = [.. _tails.Values];
        }

        await Task.WhenAll(tails).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                if (batchWindow > TimeSpan.Zero)
                {
                    await Task.Delay(batchWindow, _stop.Token).ConfigureAwait(false);
                }

                var groups = new List<(StoredSubscription Subscription, List<JsonObject> Items)>();
                while (reader.TryRead(out var pending))
                {
                    var index = groups.FindIndex(g => ReferenceEquals(g.Subscription, pending.Subscription));
                    if (index < 0)
                    {
                        groups.Add((pending.Subscription, [pending.Notification]));
                    }
                    else
                    {
                        groups[index].Items.Add(pending.Notification);
                    }
                }

                foreach (var (subscription, items) in groups)
                {
                    foreach (var chunk in items.Chunk(MaxBatch))
                    {
                        Chain(subscription, chunk);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: whatever is still queued is dropped, as when Graph loses a notification.
        }
    }

    private void Chain(StoredSubscription subscription, JsonObject[] items)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["value"] = new JsonArray(items) });
        lock (_gate)
        {
            var previous = _tails.GetValueOrDefault(subscription.Id) ?? Task.CompletedTask;
            _tails[subscription.Id] = DeliverAfterAsync(previous, subscription, items.Length, body);
        }
    }

    private async Task DeliverAfterAsync(Task previous, StoredSubscription subscription, int count, byte[] body)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await sender.SendAsync(subscription.Id, subscription.NotificationUrl, NotificationKind.Change, count, body, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private sealed record Pending(StoredSubscription Subscription, JsonObject Notification);
}
