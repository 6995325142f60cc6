namespace NetworkSync.Sync.Engine;

public sealed record MailboxSyncResult(string MailboxId, string Mail, IReadOnlyList<CollectionSyncResult> Collections)
{
    public bool Succeeded => Collections.All(c => c.Succeeded);

    public string? Error => Collections.FirstOrDefault(c => !c.Succeeded) is { } failed ? $"{failed.Collection}: {failed.Error}" : null;

    public int Messages => Collections.Where(c => c.Collection.StartsWith("messages:", StringComparison.Ordinal)).Sum(c => c.Upserted);

    public int Events => Collections.Where(c => c.Collection == "events").Sum(c => c.Upserted);
}
