using System.ComponentModel.DataAnnotations;
namespace NetworkSync.App.Hosting.Limits;

/// <summary>Section "Api:RateLimit": each caller's token bucket for /api.</summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    /// <summary>Requests a caller may make per second, sustained.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Api:RateLimit:PermitsPerSecond must be between 1 and 1000000")]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a caller may make at once after a quiet spell (opening the dashboard fires several).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Api:RateLimit:Burst must be between 1 and 1000000")]
    public int Burst { get; set; } = 200;

    /// <summary>Notification POSTs (/api/notifications) one address may make per second, sustained: Graph's, in bursts.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Api:RateLimit:NotificationPermitsPerSecond must be between 1 and 1000000")]
    public int NotificationPermitsPerSecond { get; set; } = 2000;

    /// <summary>Notification POSTs one address may make at once.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Api:RateLimit:NotificationBurst must be between 1 and 1000000")]
    public int NotificationBurst { get; set; } = 5000;
}
