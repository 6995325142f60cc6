namespace NetworkSync.Storage;

/// <summary>
/// What one committed write changed in a mailbox's metadata: the ids of the messages and meetings it
/// wrote or removed. The rows as they now stand are read back by id (a partial update is merged into
/// the stored row, a removal may not apply, forgotten addresses are cut out), so the ids are exact
/// where addresses taken from the page would not be; the addresses a row had before the write are
/// what the reader kept of it. A write whose change is unknown (a sweep, retention, a deletion)
/// carries none, and whoever keeps derived data recomputes it whole.
/// </summary>
public sealed record MailboxDataChange(IReadOnlySet<string> MessageIds, IReadOnlySet<string> EventIds)
{
    /// <summary>Both changes together: what two writes in a row changed.</summary>
    public MailboxDataChange With(MailboxDataChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var messages = new HashSet<string>(MessageIds, StringComparer.Ordinal);
        messages.UnionWith(other.MessageIds);
        var events = new HashSet<string>(EventIds, StringComparer.Ordinal);
        events.UnionWith(other.EventIds);
        return new MailboxDataChange(messages, events);
    }
}
