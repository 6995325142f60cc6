namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Headers every answer carries. The Content-Security-Policy admits Microsoft's Office.js CDN and
/// nothing else foreign; frame-ancestors admits Outlook's hosts, so the task pane can load inside Outlook
/// on the web and no one else can frame the pages.
/// </summary>
public static class SecurityHeaders
{
    public const string OfficeJsOrigin = "https://appsforoffice.microsoft.com";

    private static readonly string[] OutlookFrameAncestors =
    [
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.live.com",
        "https://*.outlook.com",
        "https://*.office.com",
        "https://*.office365.com",
        "https://*.microsoft365.com",
        "https://*.cloud.microsoft",
    ];

    public static string ContentSecurityPolicy(IEnumerable<string> extraConnectSources) =>
        "default-src 'self'; "
        + $"script-src 'self' {OfficeJsOrigin}; "
        + "style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + $"connect-src 'self'{string.Concat(extraConnectSources.Select(s => " " + s))}; "
        + $"frame-ancestors 'self' {string.Join(' ', OutlookFrameAncestors)}; "
        + "base-uri 'none'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;

            // Hangfire's job dashboard (demo mode, loopback only) is built on inline scripts.
            if (!context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = contentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context).ConfigureAwait(false);
        });
}
