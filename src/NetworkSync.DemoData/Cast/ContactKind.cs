namespace NetworkSync.DemoData.Cast;

/// <summary>The planted category of a correspondent, as written to <c>planted-truth.json</c>.</summary>
internal enum ContactKind
{
    Colleague,
    Client,
    Friend,
    FormerColleague,
    Acquaintance,
    UnansweredInbound,
    UnansweredOutbound,
    Newsletter,
    NotificationBot,
    DistributionList,
    BulkSender,
}
