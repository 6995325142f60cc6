namespace NetworkSync.Storage.Entities;

/// <summary>
/// A mailbox's fitted warmth weights and how they came about, so a restart scores with them at once
/// instead of refitting at the first read. Derived from the mailbox's metadata: deleting the mailbox's
/// data or applying retention deletes the row too (the next read refits).
/// </summary>
public sealed class WarmthModelRow
{
    public required string MailboxId { get; set; }

    /// <summary>The layout of <see cref="Weights"/> (see <see cref="WarmthModelCodec.FormatVersion"/>); another version is refitted, never guessed at.</summary>
    public int FormatVersion { get; set; }

    /// <summary>JSON: the feature names, one weight per feature in that order, and the bias.</summary>
    public required string Weights { get; set; }

    /// <summary>"Fitted" or "BuiltIn" (the mailbox had too little history, or the fit failed).</summary>
    public required string Source { get; set; }

    /// <summary>Why these weights: the fit's summary, or why the built-in weights are used.</summary>
    public required string Reason { get; set; }

    /// <summary>The "now" the model was fitted at (Unix ms): a day later it is refitted.</summary>
    public long FittedAtMs { get; set; }

    /// <summary>How many interactions the history had: a fifth more or fewer and it is refitted.</summary>
    public int Interactions { get; set; }

    /// <summary>How many self-labelled examples the fit saw.</summary>
    public int Examples { get; set; }

    public long UpdatedMs { get; set; }
}
