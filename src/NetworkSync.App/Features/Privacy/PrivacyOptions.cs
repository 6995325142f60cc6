namespace NetworkSync.App.Features.Privacy;

/// <summary>The "Privacy" section: how long stored metadata is kept, and when the retention job runs.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Days of metadata kept (default three years); 0 or less keeps everything.</summary>
    public int RetentionDays { get; set; } = 1095;

    /// <summary>When the retention job runs (Hangfire cron, UTC): daily by default.</summary>
    public string RetentionCron { get; set; } = "30 3 * * *";
}
