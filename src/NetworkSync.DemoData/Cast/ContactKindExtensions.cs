namespace NetworkSync.DemoData.Cast;

internal static class ContactKindExtensions
{
    /// <summary>The kebab-case name used in the truth file.</summary>
    public static string ToWireName(this ContactKind kind) => kind switch
    {
        ContactKind.Colleague => "colleague",
        ContactKind.Client => "client",
        ContactKind.Friend => "friend",
        ContactKind.FormerColleague => "former-colleague",
        ContactKind.Acquaintance => "acquaintance",
        ContactKind.UnansweredInbound => "unanswered-inbound",
        ContactKind.UnansweredOutbound => "unanswered-outbound",
        ContactKind.Newsletter => "newsletter",
        ContactKind.NotificationBot => "notification-bot",
        ContactKind.DistributionList => "distribution-list",
        ContactKind.BulkSender => "bulk-sender",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Noise: senders or lists that are not people the owner has a relationship with (strength 0).</summary>
    public static bool IsNoise(this ContactKind kind) =>
        kind is ContactKind.Newsletter or ContactKind.NotificationBot or ContactKind.DistributionList or ContactKind.BulkSender;

    /// <summary>Mail from these is written by software, whatever the address looks like.</summary>
    public static bool IsAutomated(this ContactKind kind) =>
        kind is ContactKind.Newsletter or ContactKind.NotificationBot or ContactKind.BulkSender;

    /// <summary>Kinds that exchange mail and meet with the owner on a rhythm set by their strength.</summary>
    public static bool HasRhythm(this ContactKind kind) =>
        kind is ContactKind.Colleague or ContactKind.Client or ContactKind.Friend or ContactKind.FormerColleague;
}
