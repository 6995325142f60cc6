namespace NetworkSync.DemoData.Mail;

/// <summary>The Graph well-known folder names the demo mailbox uses.</summary>
internal static class MailFolder
{
    public const string Inbox = "inbox";

    public const string SentItems = "sentitems";

    public const string Archive = "archive";

    public const string DeletedItems = "deleteditems";

    /// <summary>Every folder, in the order they are written.</summary>
    public static readonly string[] All = [Inbox, SentItems, Archive, DeletedItems];
}
