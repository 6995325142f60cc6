namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// "Waiting on them", the mirror of <see cref="ReplyDebt"/>: the user wrote to a person (named in To, in a
/// thread), the person has not written back since (any mail from them counts as an answer), and the
/// user's mail is at least the user's chosen number of days old but within <see cref="Window"/>. Never for
/// automated senders or lists (the person's <see cref="ContactSummary.Automated"/>, which applies
/// <see cref="AutomatedSenderClassifier"/> and the bulk-sender rules).
/// </summary>
public static class AwaitingReply
{
    /// <summary>The shortest and longest wait the user may choose, in days.</summary>
    public const int MinDays = 1;

    public const int MaxDays = 60;

    public const int DefaultDays = 7;

    /// <summary>Mail older than this is no longer a question anyone waits on.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    /// <summary>True when <paramref name="interaction"/> is the user's mail that asks the person for an answer.</summary>
    public static bool AsksThem(Interaction interaction) =>
        interaction.Direction == InteractionDirection.Outbound && interaction.Role == InteractionRole.To && interaction.ConversationId is not null;

    /// <summary>True when <paramref name="interaction"/> is mail from the person (an answer, whatever its role).</summary>
    public static bool IsFromThem(Interaction interaction) => interaction.Direction == InteractionDirection.Inbound;

    /// <param name="automated">The person is automated or a list (null when never scored).</param>
    /// <param name="ownerLatest">The user's latest mail that <see cref="AsksThem"/>, if any.</param>
    /// <param name="theirLatest">Their latest mail to the user (<see cref="IsFromThem"/>), if any.</param>
    /// <param name="asOf">The moment the question is asked.</param>
    /// <param name="after">How long the user waits before it counts.</param>
    public static bool Waiting(bool? automated, DateTimeOffset? ownerLatest, DateTimeOffset? theirLatest, DateTimeOffset asOf, TimeSpan after) =>
        automated == false
        && ownerLatest is { } mine
        && asOf - mine >= after
        && asOf - mine <= Window
        && (theirLatest is not { } theirs || theirs < mine);
}
