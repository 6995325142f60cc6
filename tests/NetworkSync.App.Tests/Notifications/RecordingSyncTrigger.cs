using System.Collections.Concurrent;
using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Tests.Notifications;

/// <summary>Records what the receiver asked for, instead of queueing Hangfire jobs.</summary>
internal sealed class RecordingSyncTrigger : ISyncTrigger
{
    public ConcurrentQueue<string> Syncs { get; } = new();

    public ConcurrentQueue<string?> Maintenance { get; } = new();

    public Task RequestSyncAsync(string mailboxId, CancellationToken cancellationToken)
    {
        Syncs.Enqueue(mailboxId);
        return Task.CompletedTask;
    }

    public void RequestMaintenance(string? subscriptionId) => Maintenance.Enqueue(subscriptionId);
}
