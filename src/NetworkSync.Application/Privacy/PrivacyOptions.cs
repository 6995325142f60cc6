using System.ComponentModel.DataAnnotations;

namespace NetworkSync.Application.Privacy;

/// <summary>The "Privacy" section: how long stored metadata is kept, and when the retention job runs.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Days of metadata kept (default three years); 0 keeps everything.</summary>
    [Range(0, 36500, ErrorMessage = "Privacy:RetentionDays must be between {1} and {2} days (0 keeps everything)")]
    public int RetentionDays { get; set; } = 1095;

    /// <summary>When the retention job runs (Hangfire cron, UTC): daily by default.</summary>
    [Required(ErrorMessage = "Privacy:RetentionCron must be a cron expression")]
    public string RetentionCron { get; set; } = "30 3 * * *";
}
