using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkSync.App.Api;

/// <summary>
/// The add-in and dashboard pages: "/" is the dashboard, "/addin/*.html" the task pane and friends (both
/// with this instance's meta tags, never cached since they carry the key), "/addin/manifest.xml" the
/// manifest to sideload, pointing at this instance. Other files under /addin are static files.
/// </summary>
public static class AddinEndpoints
{
    public static void MapAddin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Results<ContentHttpResult, ProblemHttpResult> (AddinBundle bundle, HttpResponse response) =>
            PageOrProblem(bundle, "index.html", response))
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/addin/{page:regex(^[A-Za-z0-9-]+\\.html$)}", Results<ContentHttpResult, ProblemHttpResult> (string page, AddinBundle bundle, HttpResponse response) =>
            PageOrProblem(bundle, page, response))
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/addin/{manifest:regex(^manifest\\.(xml|json)$)}", GetManifest)
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "application/xml", "application/json")
            .WithName("GetAddinManifest")
            .WithTags("Add-in")
            .WithSummary("The Outlook add-in manifest, with this instance's own base URL, ready to sideload.");
    }

    public static Results<ContentHttpResult, NotFound> GetManifest(string manifest, AddinBundle bundle, HttpRequest request) =>
        bundle.Manifest(manifest, $"{request.Scheme}://{request.Host}") is { } text
            ? TypedResults.Text(text, manifest.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml; charset=utf-8" : "application/json; charset=utf-8")
            : TypedResults.NotFound();

    private static Results<ContentHttpResult, ProblemHttpResult> PageOrProblem(AddinBundle bundle, string page, HttpResponse response)
    {
        if (!bundle.IsBuilt)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The add-in and dashboard are not built",
                detail: $"Build them once with: cd addin && npm ci && npm run build (looked in {bundle.DistFolder}).");
        }

        if (bundle.Page(page) is not { } html)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such page");
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }
}
