namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// A message as stored: its JSON plus both of its ids. The immutable id is the fixture's id and never
/// changes; the regular id equals it while the message is in the folder it was created in and gains a
/// folder suffix once moved, mimicking Outlook ids that change on move unless
/// <c>Prefer: IdType="ImmutableId"</c> is sent.
/// </summary>
internal sealed record MailMessage(JsonItem Json, string FolderId, string RegularId)
{
    /// <summary>
    /// The state this one replaced in the same folder (one level only), so a delta round in partial-update
    /// mode can send just the properties changed since the client's token; null for a new message.
    /// </summary>
    public MailMessage? Previous { get; init; }

    /// <summary>The change number <see cref="Previous"/> was current from.</summary>
    public long PreviousSequence { get; init; }

    public string ImmutableId => Json.Id;

    public string IdFor(bool immutable) => immutable ? ImmutableId : RegularId;
}
