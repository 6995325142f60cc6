namespace NetworkSync.GraphEmulator.Storage;

/// <summary>The well-known mail folders every emulated mailbox has, with Outlook's display names.</summary>
internal static class WellKnownFolders
{
    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["inbox"] = "Inbox",
        ["sentitems"] = "Sent Items",
        ["archive"] = "Archive",
        ["deleteditems"] = "Deleted Items",
        ["drafts"] = "Drafts",
        ["junkemail"] = "Junk Email",
    };
}
