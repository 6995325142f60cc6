namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Whether a person awaits the owner's reply: their latest mail to the owner (named in To, in a thread)
/// is newer than anything the owner has written to them since, arrived within <see cref="Window"/>, and
/// they are not automated. Older mail is no longer a debt anyone acts on.
/// </summary>
public static class ReplyDebt
{
    /// <summary>Their latest mail counts as awaiting a reply for this long.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>True when <paramref name="interaction"/> is mail that asks the owner for an answer.</summary>
    public static bool AsksForReply(Interaction interaction) =>
        interaction.Direction == InteractionDirection.Inbound && interaction.Role == InteractionRole.To && interaction.ConversationId is not null;

    /// <param name="automated">The person is an automated sender (null when never scored: a first contact).</param>
    /// <param name="theirLatest">Their latest mail that <see cref="AsksForReply"/>, if any.</param>
    /// <param name="ownerLatest">The owner's latest mail to them, if any.</param>
    /// <param name="asOf">The moment the question is asked.</param>
    public static bool Owes(bool? automated, DateTimeOffset? theirLatest, DateTimeOffset? ownerLatest, DateTimeOffset asOf) =>
        automated == false
        && theirLatest is { } theirs
        && asOf - theirs <= Window
        && (ownerLatest is not { } mine || mine < theirs);
}
