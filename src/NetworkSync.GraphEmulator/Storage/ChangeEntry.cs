namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// One change in a <see cref="ChangeTrackedCollection{TItem}"/>: the item's state after change number
/// <see cref="Sequence"/>, or its last state if <see cref="IsRemoved"/>.
/// </summary>
internal sealed record ChangeEntry<TItem>(string Key, long Sequence, long CreatedSequence, TItem Item, bool IsRemoved)
    where TItem : class;
