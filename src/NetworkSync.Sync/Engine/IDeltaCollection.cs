using Microsoft.Kiota.Abstractions;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Sync.Engine;

/// <summary>One Graph delta-tracked collection of one mailbox: how to ask for it and where its pages go.</summary>
internal interface IDeltaCollection
{
    /// <summary>The sync-state key, e.g. "messages:inbox" or "events".</summary>
    string Name { get; }

    RequestInformation InitialRequest();

    RequestInformation LinkRequest(string link);

    /// <summary>Commits one page; returns (upserted, removed, skipped).</summary>
    Task<(int Upserted, int Removed, int Skipped)> ApplyAsync(DeltaPage page, long generation, int pageNumber, CancellationToken cancellationToken);

    /// <summary>After a full enumeration: removes what it did not see.</summary>
    Task SweepAsync(long generation, CancellationToken cancellationToken);

    /// <summary>True when stored state cannot be continued (for example the calendar window has slid).</summary>
    bool NeedsFullSync(SyncStateRow state);

    /// <summary>Records collection-specific state (the calendar window) on a completed full sync.</summary>
    void Stamp(SyncStateRow state);
}
