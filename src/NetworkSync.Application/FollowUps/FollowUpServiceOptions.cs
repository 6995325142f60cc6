using System.ComponentModel.DataAnnotations;
using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Application.FollowUps;

/// <summary>Configuration section "FollowUps": when the rules run, the defaults, and To Do write-back.</summary>
public sealed class FollowUpServiceOptions
{
    public const string SectionName = "FollowUps";

    /// <summary>The recurring follow-up job (besides the run after every sync): picks up meetings that ended and To Do changes.</summary>
    [Required(ErrorMessage = "FollowUps:Cron must be a cron expression")]
    public string Cron { get; set; } = "*/5 * * * *";

    /// <summary>
    /// Write follow-ups to Microsoft To Do unless the user says otherwise. Null means: on in demo mode
    /// (the emulator's To Do), off against a tenant until an admin has granted Tasks.ReadWrite.All.
    /// </summary>
    public bool? TodoWriteBack { get; set; }

    public string TodoListName { get; set; } = "NetworkSync follow-ups";

    /// <summary>The working week used when neither the user nor Outlook says otherwise.</summary>
    public WorkingSchedule Schedule { get; set; } = WorkingSchedule.Default;

    public FollowUpOptions Rules { get; set; } = new();

    /// <summary>How often the mailbox's Outlook settings (zone, working hours) are read again.</summary>
    public TimeSpan OutlookSettingsRefresh { get; set; } = TimeSpan.FromDays(1);
}
