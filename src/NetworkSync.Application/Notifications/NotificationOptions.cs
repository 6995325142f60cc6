using System.ComponentModel.DataAnnotations;

namespace NetworkSync.Application.Notifications;

/// <summary>
/// Graph change notifications (webhooks), bound from the "Notifications" section. With them a change in a
/// mailbox is synced within seconds instead of at the next scheduled sync; the schedule stays as the
/// safety net for anything a notification misses.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Off switch: with false no subscription is made and the schedule alone drives syncs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The service's public https base URL as Microsoft Graph reaches it ("https://networksync.contoso.com");
    /// notifications go to {PublicUrl}/api/notifications. Empty: notifications are off against a tenant
    /// (Graph cannot reach loopback), and on against the built-in emulator, at the service's own address.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// How long each subscription is asked for. 70 hours stays inside the strictest limit Microsoft has
    /// documented for mail and calendar (4230 minutes, "under three days"; newer pages give 7 days). A
    /// longer value is clipped by Graph's own answer: a refused expiration is asked again within what Graph
    /// says it accepts.
    /// </summary>
    public int SubscriptionHours { get; set; } = 70;

    /// <summary>A subscription with less than this left is renewed by the maintenance job.</summary>
    public int RenewBeforeHours { get; set; } = 24;

    /// <summary>Hangfire cron for the maintenance job (create missing, renew, delete strays).</summary>
    [Required(ErrorMessage = "Notifications:MaintenanceCron must be a cron expression")]
    public string MaintenanceCron { get; set; } = "17 * * * *";
}
