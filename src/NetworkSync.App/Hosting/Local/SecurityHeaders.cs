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

    public const string HangfireContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static string ContentSecurityPolicy(IEnumerable<string> extraConnectSources) =>
        "default-src 'self'; "
        + $"script-src 'self' {OfficeJsOrigin}; "
        + "style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + $"connect-src 'self'{string.Concat(extraConnectSources.Select(s => " " + s))}; "
        + $"frame-ancestors 'self' {string.Join(' ', OutlookFrameAncestors)}; "
        + "base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// Sets the headers just before an answer starts, so they are on every answer: a 500 the exception
    /// handler wrote after clearing the response included. API answers carry personal data: never cached.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy) =>
        app.Use(async (context, next) =>
        {
            // Judged by the path as it arrived: Hangfire's dashboard moves it into PathBase while it runs.
            var path = context.Request.Path;
            context.Response.OnStarting(() =>
            {
                Apply(context.Response.Headers, path, contentSecurityPolicy);
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });

    private static void Apply(IHeaderDictionary headers, PathString path, string contentSecurityPolicy)
    {
        // Hangfire's job dashboard (demo mode, loopback only) is built on inline scripts: its own policy
        // admits them, and nothing may frame it.
        if (path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = HangfireContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }
        else
        {
            headers.ContentSecurityPolicy = contentSecurityPolicy;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
