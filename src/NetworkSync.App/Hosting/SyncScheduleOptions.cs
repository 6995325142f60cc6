using System.ComponentModel.DataAnnotations;

namespace NetworkSync.App.Hosting;

/// <summary>When mailboxes are re-synced in the service, bound from the "Sync" section.</summary>
public sealed class SyncScheduleOptions
{
    public const string SectionName = "Sync";

    /// <summary>Hangfire cron for each mailbox's recurring sync job (default: every 15 minutes).</summary>
    [Required(ErrorMessage = "Sync:Cron must be a cron expression")]
    public string Cron { get; set; } = "*/15 * * * *";

    /// <summary>
    /// Hangfire cron for the directory sync (default: daily at 04:40 UTC): finds people who joined the
    /// tenant, or resumed syncing, and gives them their jobs without a restart.
    /// </summary>
    [Required(ErrorMessage = "Sync:DirectoryCron must be a cron expression")]
    public string DirectoryCron { get; set; } = "40 4 * * *";
}
