namespace NetworkSync.App.Hosting;

/// <summary>Demo mode settings, bound from the "Demo" section.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public int Seed { get; set; } = 42;

    public int Contacts { get; set; } = 300;

    /// <summary>How often a new message or meeting arrives in the demo mailbox.</summary>
    public int TrickleSeconds { get; set; } = 30;

    /// <summary>In demo mode mailboxes are re-synced often, so the trickle shows up quickly.</summary>
    public string SyncCron { get; set; } = "* * * * *";

    public string Urls { get; set; } = "http://127.0.0.1:5180";
}
