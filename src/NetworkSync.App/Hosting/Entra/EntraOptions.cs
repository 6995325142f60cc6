namespace NetworkSync.App.Hosting.Entra;

/// <summary>
/// Section "AzureAd": the API's Microsoft Entra ID registration. Setting a ClientId turns on Entra ID
/// sign-in (and ends local mode). The rest follows Microsoft.Identity.Web's own names.
/// </summary>
public sealed class EntraOptions
{
    public const string SectionName = "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>A tenant id for a single-tenant API, or "organizations" with <see cref="AllowedTenants"/>.</summary>
    public string TenantId { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>The API's application ID URI, e.g. "api://networksync"; tokens must be for it.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>The delegated scope every call needs.</summary>
    public string Scope { get; set; } = "access_as_user";

    /// <summary>Tenants whose users may sign in (multi-tenant); empty = only <see cref="TenantId"/>.</summary>
    public IReadOnlyList<string> AllowedTenants { get; set; } = [];

    /// <summary>The add-in's own origins allowed by CORS (its pages are served by this service, so usually none).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];

    /// <summary>The app role (in the token's <c>roles</c>) whose holders see each mailbox's sync state on /healthz.</summary>
    public string AdminRole { get; set; } = "NetworkSync.Admin";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ClientId);

    public string Authority => Instance.TrimEnd('/') + "/" + TenantId;

    /// <summary>The full scope the add-in asks tokens for.</summary>
    public string FullScope => (string.IsNullOrEmpty(Audience) ? "api://" + ClientId : Audience).TrimEnd('/') + "/" + Scope;
}
