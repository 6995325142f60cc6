namespace NetworkSync.Sync.Engine;

/// <summary>Reported after every committed page, for progress displays.</summary>
public sealed record SyncProgress(string Mailbox, string Collection, int Pages, int Items, bool Completed);
