using NetworkSync.Application.Sync;

namespace NetworkSync.App.Hosting;

/// <summary>Whether the first sync has finished: /healthz answers 503 until it has.</summary>
public sealed class SyncHealth
{
    private volatile SyncRunSummary? firstSync;

    public bool Ready => firstSync is not null;

    public void MarkFirstSyncFinished(SyncRunSummary summary) => firstSync ??= summary;
}
