namespace NetworkSync.App.Hosting;

/// <summary>When mailboxes are re-synced in the service, bound from the "Sync" section.</summary>
public sealed class SyncScheduleOptions
{
    public const string SectionName = "Sync";

    /// <summary>Hangfire cron for each mailbox's recurring sync job (default: every 15 minutes).</summary>
    public string Cron { get; set; } = "*/15 * * * *";
}
