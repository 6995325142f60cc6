using System.ComponentModel.DataAnnotations;
namespace NetworkSync.Sync.Configuration;

/// <summary>
/// How to reach Microsoft Graph and what to read. Bound from the "Graph" section. Secrets
/// (<see cref="ClientSecret"/>, <see cref="CertificatePassword"/>) belong in the environment
/// (Graph__ClientSecret) or user-secrets, never in a committed file.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Graph's root. Paging links are only followed when they point here.</summary>
    [Required(ErrorMessage = "Graph:BaseUrl is required")]
    [Url(ErrorMessage = "Graph:BaseUrl must be an absolute URL")]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public GraphAuthMode AuthMode { get; set; } = GraphAuthMode.ClientSecret;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of a certificate in the current user's store, as an alternative to a file.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>For <see cref="GraphAuthMode.Emulator"/>: the emulator's token endpoint.</summary>
    public string? EmulatorTokenEndpoint { get; set; }

    /// <summary>Mailboxes to sync (ids, addresses or UPNs). Empty with app-only access: every user the tenant lists.</summary>
    public List<string> Mailboxes { get; set; } = [];

    /// <summary>Well-known mail folders tracked by delta.</summary>
    [MinLength(1, ErrorMessage = "Graph:MailFolders needs at least one folder")]
    public List<string> MailFolders { get; set; } = ["inbox", "sentitems"];

    [Range(1, 3650, ErrorMessage = "Graph:CalendarPastDays must be between 1 and 3650")]
    public int CalendarPastDays { get; set; } = 730;

    [Range(1, 3650, ErrorMessage = "Graph:CalendarFutureDays must be between 1 and 3650")]
    public int CalendarFutureDays { get; set; } = 365;

    /// <summary>When the wanted window has slid this far from the synced one, the calendar is resynced over the new window.</summary>
    [Range(1, 365, ErrorMessage = "Graph:CalendarRebaseDays must be between 1 and 365")]
    public int CalendarRebaseDays { get; set; } = 7;

    /// <summary>Requested with Prefer: odata.maxpagesize; Graph caps message pages at 1000.</summary>
    [Range(1, 1000, ErrorMessage = "Graph:PageSize must be between 1 and 1000")]
    public int PageSize { get; set; } = 1000;

    /// <summary>Where the device-code sign-in's tokens persist, encrypted with Data Protection; empty = memory only.</summary>
    public string TokenCachePath { get; set; } = string.Empty;

    /// <summary>Graph lets an app have 4 requests in flight per mailbox.</summary>
    [Range(1, 4, ErrorMessage = "Graph:MaxConcurrentRequestsPerMailbox must be between 1 and 4")]
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    [Range(0, 50, ErrorMessage = "Graph:MaxRetries must be between 0 and 50")]
    public int MaxRetries { get; set; } = 8;

    /// <summary>Upper bound on one wait, whatever Retry-After says.</summary>
    [Range(0.1, 3600, ErrorMessage = "Graph:MaxRetryDelaySeconds must be between 0.1 and 3600")]
    public double MaxRetryDelaySeconds { get; set; } = 120;

    /// <summary>
    /// Also request <c>internetMessageHeaders</c>, to read the List-Unsubscribe, List-Id, Precedence and
    /// Auto-Submitted bulk signals. Off by default: headers carry routing details and add a few KB a
    /// message; only the four flags are kept, never the headers. Focused Inbox's verdict, robot
    /// addresses and one-way volume already catch most bulk mail.
    /// </summary>
    public bool ReadListHeaders { get; set; }
}
