namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Opens the printed URL: a page request carrying `?token=` with this run's token gets the session
/// cookie and a redirect to the same page without the token (so it stays out of history and bookmarks).
/// A wrong or stale token (the service restarted) gets 403 Problem Details saying what to do.
/// </summary>
public static class LocalSignInMiddleware
{
    public static IApplicationBuilder UseLocalSignIn(this IApplicationBuilder app, LocalSignIn signIn) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) || !request.Query.TryGetValue(LocalSignIn.TokenParameter, out var values)
                || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            if (values.Count != 1 || !signIn.TokenMatches(values[0]))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "This sign-in link is not valid",
                    detail: "Open the URL NetworkSync printed when it started; a link from an earlier run stops working when the service restarts.")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.Cookies.Append(LocalSignIn.CookieName, signIn.StartSession(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
                Secure = request.IsHttps,
            });
            var rest = QueryWithout(request.Query, LocalSignIn.TokenParameter);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = $"{request.PathBase}{request.Path}{rest}";
        });

    private static string QueryWithout(IQueryCollection query, string name)
    {
        var kept = query.Where(q => !string.Equals(q.Key, name, StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .ToList();
        return kept.Count == 0 ? string.Empty : "?" + string.Join('&', kept);
    }
}
